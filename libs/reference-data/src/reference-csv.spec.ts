import { countriesFromCsv, memberStatesFromCsv } from './reference-csv';

describe('reference CSV parsing', () => {
  it('reads countries with the EU flag and Eurostat code', () => {
    const csv =
      'alpha2,alpha3,numeric,name,region,sub_region,eu_member,eu_code\nGR,GRC,300,Greece,Europe,Southern Europe,true,EL\nMA,MAR,504,Morocco,Africa,Northern Africa,false,\n';
    expect(countriesFromCsv(csv)).toEqual([
      {
        alpha2: 'GR',
        alpha3: 'GRC',
        numericCode: '300',
        name: 'Greece',
        region: 'Europe',
        euMember: true,
        euCode: 'EL',
      },
      {
        alpha2: 'MA',
        alpha3: 'MAR',
        numericCode: '504',
        name: 'Morocco',
        region: 'Africa',
        euMember: false,
        euCode: null,
      },
    ]);
  });

  it('reads Member State settings and refuses unknown entity types with the line', () => {
    const header =
      'country_code,participating,participation_start_date,notification_date,withdrawal_date,allowed_entity_types\n';
    expect(memberStatesFromCsv(`${header}DE,true,2027-01-01,,,employer;temporary_work_agency\n`)).toEqual([
      {
        countryCode: 'DE',
        participating: true,
        participationStartDate: '2027-01-01',
        notificationDate: null,
        withdrawalDate: null,
        allowedEntityTypes: ['employer', 'temporary_work_agency'],
      },
    ]);
    expect(() => memberStatesFromCsv(`${header}DE,true,,,,employer;broker\n`)).toThrow(
      'member_states.csv:2: unknown entity type broker',
    );
  });
});

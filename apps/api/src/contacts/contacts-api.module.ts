import { ContactsModule } from '@app/contacts';
import { Module } from '@nestjs/common';
import { CandidateContactsController } from './candidate-contacts.controller';
import { ContactOversightController } from './contact-oversight.controller';
import { EmployerContactsController } from './employer-contacts.controller';

@Module({
  imports: [ContactsModule],
  controllers: [CandidateContactsController, EmployerContactsController, ContactOversightController],
})
export class ContactsApiModule {}

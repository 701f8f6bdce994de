import { CreateOutbox1795932277049 } from './1795932277049-CreateOutbox';
import { CreateTaxonomyAndReferenceData1795932966249 } from './1795932966249-CreateTaxonomyAndReferenceData';

/** Every migration, oldest first. A unit test checks that each file in this folder is listed. */
export const migrations = [CreateOutbox1795932277049, CreateTaxonomyAndReferenceData1795932966249];

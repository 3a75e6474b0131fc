import { encodeId } from '@candor/platform-graphql';
import type { StoreEntity } from '@candor/tenancy-data-access';
import { WEEKDAYS, type StoreSettingsInput } from '@candor/tenancy-domain';
import type {
  BusinessHoursInput,
  CreateStoreInput,
  UpdateStoreInput,
} from './dto/store-settings.input';
import type { BusinessHours } from './models/business-hours.model';
import type { Store } from './models/store.model';

export const STORE_ID_TYPE = 'Store';

export function toStoreModel(entity: StoreEntity): Store {
  const hours = {} as BusinessHours;
  for (const day of WEEKDAYS) {
    const slot = entity.businessHours[day];
    hours[day] = slot ? { opens: slot[0], closes: slot[1] } : null;
  }
  return {
    id: encodeId(STORE_ID_TYPE, entity.id),
    externalId: entity.externalId,
    name: entity.name,
    names: entity.names,
    timeZone: entity.timeZone,
    businessHours: hours,
    emailDomains: entity.emailDomains,
    phoneNumbers: entity.phoneNumbers,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

function hoursInput(input: BusinessHoursInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const day of WEEKDAYS) {
    const slot = input[day];
    // A day left out stays undefined so validation can say it is missing rather than closed.
    if (slot !== undefined) out[day] = slot === null ? null : [slot.opens, slot.closes];
  }
  return out;
}

/** GraphQL input → domain input; null means "not given" (required fields cannot be cleared). */
export function toSettingsInput(input: CreateStoreInput | UpdateStoreInput): StoreSettingsInput {
  const out: StoreSettingsInput = {};
  if (input.externalId != null) out.externalId = input.externalId;
  if (input.name != null) out.name = input.name;
  if (input.timeZone != null) out.timeZone = input.timeZone;
  if (input.names != null) out.names = input.names;
  if (input.emailDomains != null) out.emailDomains = input.emailDomains;
  if (input.phoneNumbers != null) out.phoneNumbers = input.phoneNumbers;
  if (input.businessHours != null) out.businessHours = hoursInput(input.businessHours);
  return out;
}

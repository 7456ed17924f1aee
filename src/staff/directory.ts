/**
 * Who is staff, from configuration only (STAFF_TELEGRAM_IDS, STAFF_ZALO_IDS): nobody else can see
 * tickets or act on them, whatever they send. Supervisors can do everything operators can, and more.
 */
import type { StaffMember, StaffRole } from "../config.ts";
import type { ChannelName } from "../core/model.ts";

export type { StaffRole } from "../config.ts";

/** A verified staff member acting now. */
export interface StaffActor {
  channel: ChannelName;
  /** The platform's user id. */
  userId: string;
  role: StaffRole;
}

export interface StaffDirectory {
  /** The member's role, or null for anyone who is not staff. */
  roleOf(channel: ChannelName, userId: string): StaffRole | null;
  /** The actor for a user, or null when not staff. */
  actor(channel: ChannelName, userId: string): StaffActor | null;
  /** Whether `role` may do what needs `required`. */
  allows(role: StaffRole, required: StaffRole): boolean;
  /** Every member of a channel (e.g. to tell them in private). */
  members(channel: ChannelName): readonly StaffMember[];
}

const rank: Record<StaffRole, number> = { operator: 1, supervisor: 2 };

export function createStaffDirectory(staff: {
  telegram: readonly StaffMember[];
  zalo: readonly StaffMember[];
}): StaffDirectory {
  const byChannel: Record<ChannelName, Map<string, StaffRole>> = {
    telegram: new Map(),
    zalo: new Map(),
    console: new Map(),
  };
  for (const member of staff.telegram)
    byChannel.telegram.set(member.id, strongest(byChannel.telegram.get(member.id), member.role));
  for (const member of staff.zalo)
    byChannel.zalo.set(member.id, strongest(byChannel.zalo.get(member.id), member.role));
  const roleOf = (channel: ChannelName, userId: string): StaffRole | null =>
    byChannel[channel]?.get(userId) ?? null;
  return {
    roleOf,
    actor(channel, userId) {
      const role = roleOf(channel, userId);
      return role === null ? null : { channel, userId, role };
    },
    allows: (role, required) => rank[role] >= rank[required],
    members: (channel) => [...byChannel[channel].entries()].map(([id, role]) => ({ id, role })),
  };
}

function strongest(current: StaffRole | undefined, next: StaffRole): StaffRole {
  return current === undefined || rank[next] > rank[current] ? next : current;
}

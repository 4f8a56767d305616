// The wire protocol's version: devices and server refuse each other's messages when it differs (E_PROTOCOL_VERSION).
//
// History (one line per bump; test/protocol/schema-pin.test.ts fails until a schema change is recorded here):
// 1 — 2026-11: first version: push of field-level ops, paged pull by change sequence, login, conflict resolve.
// 2 — 2026-11: PullResponse.removed (records that left a field user's scope; the device deletes them). A version 1
//     device would refuse the new key (strict schema), so it is told to update instead.
//     2026-12 (no bump): LoginResponse.mustChangePassword, optional and sent only after an admin reset the password.
//     Only that user's login on an old app fails to parse (it must update to set a new password anyway); bumping would
//     have stopped every old tablet's sync for a key most of them never see.
export const PROTOCOL_VERSION = 2;

-- One conversation per call and domain, so concurrent first turns of the same call cannot open two
-- (INSERT ... ON CONFLICT relies on it). FusionPBX creates no indexes of ours; this adds it there too.
DROP INDEX IF EXISTS v_voice_conversations_call_idx;
CREATE UNIQUE INDEX IF NOT EXISTS v_voice_conversations_call_uq ON v_voice_conversations (domain_uuid, call_uuid);

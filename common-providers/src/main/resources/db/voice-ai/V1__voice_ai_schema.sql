-- voice-ai schema, version 1.
--
-- One schema, two ways in: FusionPBX's `upgrade.php --schema` creates these tables from
-- fusionpbx-app/voice_secretary/app_config.php, and standalone installs run this migration. SchemaParityTest keeps
-- the two equal column by column (name and type). Everything here is idempotent (IF NOT EXISTS) so it runs safely
-- on a database where FusionPBX already created the tables; FusionPBX creates neither foreign keys nor CHECKs nor
-- defaults, so readers never rely on those being present.
--
-- Conventions (FusionPBX): v_ prefix, primary key <singular>_uuid, domain_uuid on every table,
-- insert_date/insert_user/update_date/update_user, boolean `enabled`. Column names of the Python reference
-- (voice-ai-ivr) are kept where the concept is the same, so an existing install can migrate.

-- Standalone installs have no FusionPBX; create the subset of v_domains we reference. FusionPBX's own table wins.
CREATE TABLE IF NOT EXISTS v_domains (
    domain_uuid         uuid PRIMARY KEY,
    domain_parent_uuid  uuid,
    domain_name         text NOT NULL,
    domain_enabled      boolean DEFAULT true,
    domain_description  text,
    insert_date         timestamptz DEFAULT now(),
    insert_user         uuid,
    update_date         timestamptz,
    update_user         uuid
);

CREATE TABLE IF NOT EXISTS v_voice_ai_providers (
    voice_ai_provider_uuid  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    domain_uuid             uuid NOT NULL REFERENCES v_domains (domain_uuid) ON DELETE CASCADE,
    provider_type           text NOT NULL CHECK (provider_type IN ('stt', 'tts', 'llm', 'embeddings', 'realtime')),
    provider_name           text NOT NULL,
    display_name            text,
    config                  jsonb NOT NULL DEFAULT '{}'::jsonb,
    is_default              boolean NOT NULL DEFAULT false,
    priority                integer NOT NULL DEFAULT 0,
    rate_limit_rpm          integer,
    enabled                 boolean NOT NULL DEFAULT true,
    description             text,
    insert_date             timestamptz DEFAULT now(),
    insert_user             uuid,
    update_date             timestamptz,
    update_user             uuid
);
CREATE INDEX IF NOT EXISTS v_voice_ai_providers_domain_type_idx
    ON v_voice_ai_providers (domain_uuid, provider_type, priority);

CREATE TABLE IF NOT EXISTS v_voice_secretaries (
    voice_secretary_uuid        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    domain_uuid                 uuid NOT NULL REFERENCES v_domains (domain_uuid) ON DELETE CASCADE,
    secretary_name              text NOT NULL,
    company_name                text,
    extension                   text,
    processing_mode             text NOT NULL DEFAULT 'turn_based'
                                CHECK (processing_mode IN ('turn_based', 'realtime', 'auto')),
    language                    text NOT NULL DEFAULT 'pt-BR',
    personality_prompt          text,
    greeting_message            text,
    farewell_message            text,
    farewell_keywords           text,
    fallback_message            text,
    transfer_message            text,
    outside_hours_message       text,
    stt_provider_uuid           uuid REFERENCES v_voice_ai_providers (voice_ai_provider_uuid) ON DELETE SET NULL,
    tts_provider_uuid           uuid REFERENCES v_voice_ai_providers (voice_ai_provider_uuid) ON DELETE SET NULL,
    llm_provider_uuid           uuid REFERENCES v_voice_ai_providers (voice_ai_provider_uuid) ON DELETE SET NULL,
    embeddings_provider_uuid    uuid REFERENCES v_voice_ai_providers (voice_ai_provider_uuid) ON DELETE SET NULL,
    realtime_provider_uuid      uuid REFERENCES v_voice_ai_providers (voice_ai_provider_uuid) ON DELETE SET NULL,
    tts_voice_id                text,
    tts_speed                   numeric DEFAULT 1.0,
    llm_model_override          text,
    llm_temperature             numeric DEFAULT 0.7,
    llm_max_tokens              integer DEFAULT 500,
    max_turns                   integer DEFAULT 20,
    idle_timeout_seconds        integer DEFAULT 30,
    max_duration_seconds        integer DEFAULT 600,
    silence_timeout_ms          integer DEFAULT 3000,
    max_recording_seconds       integer DEFAULT 30,
    transfer_extension          text,
    fallback_action             text DEFAULT 'hangup',
    presence_check_enabled      boolean DEFAULT true,
    time_condition_uuid         uuid,
    business_info               jsonb DEFAULT '{}'::jsonb,
    advanced_settings           jsonb DEFAULT '{}'::jsonb,
    webhook_url                 text,
    enabled                     boolean NOT NULL DEFAULT true,
    description                 text,
    insert_date                 timestamptz DEFAULT now(),
    insert_user                 uuid,
    update_date                 timestamptz,
    update_user                 uuid
);
CREATE INDEX IF NOT EXISTS v_voice_secretaries_domain_idx ON v_voice_secretaries (domain_uuid, extension);

-- Per-domain key/value settings of the secretary app (e.g. max_concurrent_calls).
CREATE TABLE IF NOT EXISTS v_voice_secretary_settings (
    voice_secretary_setting_uuid  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    domain_uuid                   uuid NOT NULL REFERENCES v_domains (domain_uuid) ON DELETE CASCADE,
    setting_name                  text NOT NULL,
    setting_value                 text,
    enabled                       boolean NOT NULL DEFAULT true,
    description                   text,
    insert_date                   timestamptz DEFAULT now(),
    insert_user                   uuid,
    update_date                   timestamptz,
    update_user                   uuid
);
CREATE UNIQUE INDEX IF NOT EXISTS v_voice_secretary_settings_name_idx
    ON v_voice_secretary_settings (domain_uuid, setting_name);

CREATE TABLE IF NOT EXISTS v_voice_documents (
    voice_document_uuid   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    domain_uuid           uuid NOT NULL REFERENCES v_domains (domain_uuid) ON DELETE CASCADE,
    voice_secretary_uuid  uuid REFERENCES v_voice_secretaries (voice_secretary_uuid) ON DELETE SET NULL,
    document_name         text NOT NULL,
    document_type         text,
    mime_type             text,
    file_path             text,
    file_size             bigint,
    content_hash          text,
    content               text,
    chunk_count           integer DEFAULT 0,
    chunks_processed      integer DEFAULT 0,
    processing_status     text NOT NULL DEFAULT 'pending'
                          CHECK (processing_status IN ('pending', 'processing', 'ready', 'failed')),
    processing_error      text,
    processed_at          timestamptz,
    enabled               boolean NOT NULL DEFAULT true,
    insert_date           timestamptz DEFAULT now(),
    insert_user           uuid,
    update_date           timestamptz,
    update_user           uuid
);
CREATE INDEX IF NOT EXISTS v_voice_documents_domain_idx ON v_voice_documents (domain_uuid, processing_status);
CREATE INDEX IF NOT EXISTS v_voice_documents_hash_idx ON v_voice_documents (domain_uuid, content_hash);

CREATE TABLE IF NOT EXISTS v_voice_document_chunks (
    voice_document_chunk_uuid  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    domain_uuid                uuid NOT NULL REFERENCES v_domains (domain_uuid) ON DELETE CASCADE,
    voice_document_uuid        uuid NOT NULL REFERENCES v_voice_documents (voice_document_uuid) ON DELETE CASCADE,
    chunk_index                integer NOT NULL,
    content                    text NOT NULL,
    token_count                integer,
    page_number                integer,
    embedding_model            text,
    metadata                   jsonb DEFAULT '{}'::jsonb,
    insert_date                timestamptz DEFAULT now(),
    insert_user                uuid,
    update_date                timestamptz,
    update_user                uuid
);
CREATE INDEX IF NOT EXISTS v_voice_document_chunks_document_idx
    ON v_voice_document_chunks (domain_uuid, voice_document_uuid, chunk_index);

CREATE TABLE IF NOT EXISTS v_voice_conversations (
    voice_conversation_uuid  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    domain_uuid              uuid NOT NULL REFERENCES v_domains (domain_uuid) ON DELETE CASCADE,
    voice_secretary_uuid     uuid REFERENCES v_voice_secretaries (voice_secretary_uuid) ON DELETE SET NULL,
    call_uuid                uuid,
    caller_id_number         text,
    caller_id_name           text,
    processing_mode          text,
    conversation_status      text DEFAULT 'active' CHECK (conversation_status IN ('active', 'ended')),
    start_time               timestamptz DEFAULT now(),
    end_time                 timestamptz,
    duration_seconds         integer,
    total_turns              integer DEFAULT 0,
    final_action             text,
    transfer_extension       text,
    transfer_department      text,
    summary                  text,
    insert_date              timestamptz DEFAULT now(),
    insert_user              uuid,
    update_date              timestamptz,
    update_user              uuid
);
CREATE INDEX IF NOT EXISTS v_voice_conversations_domain_idx ON v_voice_conversations (domain_uuid, start_time);
CREATE INDEX IF NOT EXISTS v_voice_conversations_call_idx ON v_voice_conversations (domain_uuid, call_uuid);

CREATE TABLE IF NOT EXISTS v_voice_messages (
    voice_message_uuid       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    domain_uuid              uuid NOT NULL REFERENCES v_domains (domain_uuid) ON DELETE CASCADE,
    voice_conversation_uuid  uuid NOT NULL REFERENCES v_voice_conversations (voice_conversation_uuid) ON DELETE CASCADE,
    turn_number              integer NOT NULL,
    role                     text NOT NULL CHECK (role IN ('system', 'user', 'assistant', 'tool')),
    content                  text,
    audio_file_path          text,
    audio_duration_ms        integer,
    detected_intent          text,
    rag_sources              jsonb,
    tokens_used              integer,
    stt_provider             text,
    llm_provider             text,
    tts_provider             text,
    stt_latency_ms           integer,
    rag_latency_ms           integer,
    llm_latency_ms           integer,
    tts_latency_ms           integer,
    total_latency_ms         integer,
    insert_date              timestamptz DEFAULT now(),
    insert_user              uuid,
    update_date              timestamptz,
    update_user              uuid
);
CREATE INDEX IF NOT EXISTS v_voice_messages_conversation_idx
    ON v_voice_messages (domain_uuid, voice_conversation_uuid, turn_number);

CREATE TABLE IF NOT EXISTS v_voice_transfer_destinations (
    voice_transfer_destination_uuid  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    domain_uuid                      uuid NOT NULL REFERENCES v_domains (domain_uuid) ON DELETE CASCADE,
    secretary_uuid                   uuid REFERENCES v_voice_secretaries (voice_secretary_uuid) ON DELETE CASCADE,
    name                             text NOT NULL,
    aliases                          jsonb DEFAULT '[]'::jsonb,
    destination_type                 text NOT NULL DEFAULT 'extension'
                                     CHECK (destination_type IN ('extension', 'ring_group', 'queue', 'voicemail', 'external')),
    destination_number               text NOT NULL,
    destination_context              text,
    ring_timeout_seconds             integer DEFAULT 30,
    max_retries                      integer DEFAULT 1,
    retry_delay_seconds              integer DEFAULT 5,
    fallback_action                  text DEFAULT 'take_message',
    department                       text,
    role                             text,
    description                      text,
    working_hours                    jsonb,
    priority                         integer DEFAULT 100,
    is_default                       boolean NOT NULL DEFAULT false,
    enabled                          boolean NOT NULL DEFAULT true,
    insert_date                      timestamptz DEFAULT now(),
    insert_user                      uuid,
    update_date                      timestamptz,
    update_user                      uuid
);
CREATE INDEX IF NOT EXISTS v_voice_transfer_destinations_domain_idx
    ON v_voice_transfer_destinations (domain_uuid, secretary_uuid, priority);

-- Outbox of webhook deliveries: written in the same transaction as the conversation outcome, delivered with retries.
CREATE TABLE IF NOT EXISTS v_voice_webhook_deliveries (
    voice_webhook_delivery_uuid  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    domain_uuid                  uuid NOT NULL REFERENCES v_domains (domain_uuid) ON DELETE CASCADE,
    voice_conversation_uuid      uuid REFERENCES v_voice_conversations (voice_conversation_uuid) ON DELETE SET NULL,
    event_type                   text NOT NULL,
    target_url                   text NOT NULL,
    payload                      jsonb NOT NULL,
    delivery_status              text NOT NULL DEFAULT 'pending'
                                 CHECK (delivery_status IN ('pending', 'delivered', 'failed', 'dead')),
    attempts                     integer NOT NULL DEFAULT 0,
    next_attempt_at              timestamptz DEFAULT now(),
    last_status_code             integer,
    last_error                   text,
    delivered_at                 timestamptz,
    insert_date                  timestamptz DEFAULT now(),
    insert_user                  uuid,
    update_date                  timestamptz,
    update_user                  uuid
);
CREATE INDEX IF NOT EXISTS v_voice_webhook_deliveries_due_idx
    ON v_voice_webhook_deliveries (delivery_status, next_attempt_at);

package org.voiceai.service.conversations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

import org.voiceai.tenant.DomainId;

/**
 * Reads and writes {@code v_voice_conversations} and {@code v_voice_messages}. Every statement is scoped by
 * {@code domain_uuid}, and every value is written explicitly because FusionPBX-created tables have no defaults.
 */
class ConversationRepository {

	private static final String COLUMNS = """
			c.voice_conversation_uuid, c.call_uuid, c.voice_secretary_uuid, c.caller_id_number, c.caller_id_name,
			c.processing_mode, c.conversation_status, c.start_time, c.end_time, c.duration_seconds, c.total_turns,
			c.final_action, c.transfer_extension, c.transfer_department, c.summary
			""";

	private static final String OPEN = """
			INSERT INTO v_voice_conversations (voice_conversation_uuid, domain_uuid, voice_secretary_uuid, call_uuid,
			    caller_id_number, caller_id_name, processing_mode, conversation_status, start_time, total_turns,
			    insert_date)
			VALUES (:uuid, :domain, :secretary, :call, :number, :name, :mode, 'active', :now, 0, :now)
			ON CONFLICT (domain_uuid, call_uuid) DO NOTHING
			RETURNING voice_conversation_uuid
			""";

	// One statement. Locking the conversation row first makes concurrent messages of a call queue up behind it: each
	// reads the count its predecessor committed and takes the next turn number. A message whose UUID is already
	// stored (a client's retry, even one running concurrently: the insert waits for the other's outcome) inserts
	// nothing, so the count is not raised either. One row when the domain has the conversation, its turn_number
	// null when nothing was inserted; no row otherwise.
	private static final String APPEND = """
			WITH conversation AS (
			    SELECT coalesce(total_turns, 0) AS total_turns
			    FROM v_voice_conversations
			    WHERE domain_uuid = :domain AND voice_conversation_uuid = :conversation
			    FOR UPDATE),
			stored AS (
			    INSERT INTO v_voice_messages (voice_message_uuid, domain_uuid, voice_conversation_uuid, turn_number,
			        role, content, audio_duration_ms, detected_intent, rag_sources, tokens_used, stt_provider,
			        llm_provider, tts_provider, stt_latency_ms, rag_latency_ms, llm_latency_ms, tts_latency_ms,
			        total_latency_ms, insert_date)
			    SELECT :uuid, :domain, :conversation, conversation.total_turns + 1, :role, :content, :audioMs, :intent,
			        :rag, :tokens, :stt, :llm, :tts, :sttMs, :ragMs, :llmMs, :ttsMs, :totalMs, :now
			    FROM conversation
			    ON CONFLICT DO NOTHING
			    RETURNING turn_number),
			counted AS (
			    UPDATE v_voice_conversations c
			    SET total_turns = stored.turn_number, update_date = :now
			    FROM stored
			    WHERE c.domain_uuid = :domain AND c.voice_conversation_uuid = :conversation)
			SELECT stored.turn_number
			FROM conversation LEFT JOIN stored ON true
			""";

	// The same message already stored in this conversation: same UUID, same speaker, same words.
	private static final String STORED_TURN = """
			SELECT turn_number
			FROM v_voice_messages
			WHERE domain_uuid = :domain AND voice_conversation_uuid = :conversation AND voice_message_uuid = :uuid
			  AND role = :role AND content IS NOT DISTINCT FROM :content
			""";

	// Two messages of one turn in one statement (one commit): they get consecutive turn numbers.
	private static final String APPEND_PAIR = """
			WITH turn AS (
			    UPDATE v_voice_conversations
			    SET total_turns = coalesce(total_turns, 0) + 2, update_date = :now
			    WHERE domain_uuid = :domain AND voice_conversation_uuid = :conversation
			    RETURNING total_turns)
			INSERT INTO v_voice_messages (voice_message_uuid, domain_uuid, voice_conversation_uuid, turn_number, role,
			    content, audio_duration_ms, detected_intent, rag_sources, tokens_used, stt_provider, llm_provider,
			    tts_provider, stt_latency_ms, rag_latency_ms, llm_latency_ms, tts_latency_ms, total_latency_ms,
			    insert_date)
			SELECT :uuid1, :domain, :conversation, turn.total_turns - 1, :role1, :content1, :audioMs1, :intent1, :rag1,
			    :tokens1, :stt1, :llm1, :tts1, :sttMs1, :ragMs1, :llmMs1, :ttsMs1, :totalMs1, :now
			FROM turn
			UNION ALL
			SELECT :uuid2, :domain, :conversation, turn.total_turns, :role2, :content2, :audioMs2, :intent2, :rag2,
			    :tokens2, :stt2, :llm2, :tts2, :sttMs2, :ragMs2, :llmMs2, :ttsMs2, :totalMs2, :now
			FROM turn
			RETURNING turn_number
			""";

	private static final String END = """
			UPDATE v_voice_conversations c
			SET conversation_status = 'ended', end_time = :now, duration_seconds = :duration, final_action = :action,
			    transfer_extension = :extension, transfer_department = :department, summary = :summary,
			    update_date = :now
			WHERE c.domain_uuid = :domain AND c.voice_conversation_uuid = :conversation
			  AND coalesce(c.conversation_status, 'active') <> 'ended'
			RETURNING
			""" + COLUMNS;

	private static final String MESSAGES = """
			SELECT voice_message_uuid, turn_number, role, content, audio_duration_ms, detected_intent,
			    rag_sources::text AS rag_sources, tokens_used, stt_provider, llm_provider, tts_provider, stt_latency_ms,
			    rag_latency_ms, llm_latency_ms, tts_latency_ms, total_latency_ms, insert_date
			FROM v_voice_messages
			WHERE domain_uuid = :domain AND voice_conversation_uuid = :conversation
			ORDER BY turn_number, insert_date
			""";

	private static final String FROM_JOINED = """
			FROM v_voice_conversations c
			LEFT JOIN v_voice_secretaries s
			    ON s.domain_uuid = c.domain_uuid AND s.voice_secretary_uuid = c.voice_secretary_uuid
			""";

	private final DatabaseClient database;

	private final JsonMapper json;

	ConversationRepository(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	/**
	 * Inserts the call's conversation unless the domain already has one for that call.
	 * @return the new conversation's UUID; empty when the call already had one
	 */
	Mono<UUID> openIfAbsent(DomainId domain, UUID callUuid, UUID secretaryUuid, String callerIdNumber,
			String callerIdName, String processingMode, Instant now) {
		return this.database.sql(OPEN)
			.bind("uuid", UUID.randomUUID())
			.bind("domain", domain.value())
			.bind("secretary", nullable(secretaryUuid, UUID.class))
			.bind("call", callUuid)
			.bind("number", nullable(callerIdNumber, String.class))
			.bind("name", nullable(callerIdName, String.class))
			.bind("mode", nullable(processingMode, String.class))
			.bind("now", now)
			.map((row, metadata) -> row.get("voice_conversation_uuid", UUID.class))
			.one();
	}

	Mono<ConversationRow> findByCall(DomainId domain, UUID callUuid) {
		return this.database
			.sql("SELECT " + COLUMNS + " FROM v_voice_conversations c WHERE c.domain_uuid = :domain "
					+ "AND c.call_uuid = :call")
			.bind("domain", domain.value())
			.bind("call", callUuid)
			.map((row, metadata) -> row(row))
			.one();
	}

	/** The conversation with its secretary's name (null when the secretary is gone). */
	Mono<ConversationSummary> findSummary(DomainId domain, UUID conversation) {
		return this.database
			.sql("SELECT " + COLUMNS + ", s.secretary_name " + FROM_JOINED + " WHERE c.domain_uuid = :domain "
					+ "AND c.voice_conversation_uuid = :conversation")
			.bind("domain", domain.value())
			.bind("conversation", conversation)
			.map((row, metadata) -> ConversationSummary.from(row(row), row.get("secretary_name", String.class)))
			.one();
	}

	/**
	 * Appends a message under {@code messageUuid} unless the conversation already holds it: asking again for a
	 * message that was stored (a retry whose first answer was lost) stores nothing and answers its turn number.
	 * @return the message's turn number; empty when the domain has no such conversation; fails with
	 * {@link MessageConflictException} when {@code messageUuid} belongs to another message
	 */
	Mono<Integer> append(DomainId domain, UUID conversation, UUID messageUuid, RecordedMessage message, Instant now) {
		TurnLatency latency = message.latency();
		return this.database.sql(APPEND)
			.bind("uuid", messageUuid)
			.bind("domain", domain.value())
			.bind("conversation", conversation)
			.bind("role", message.role().code())
			.bind("content", nullable(message.content(), String.class))
			.bind("audioMs", nullable(message.audioDurationMs(), Integer.class))
			.bind("intent", nullable(message.detectedIntent(), String.class))
			.bind("rag", message.ragSources().isEmpty() ? Parameters.in(Json.class)
					: Json.of(this.json.writeValueAsString(message.ragSources())))
			.bind("tokens", nullable(message.tokensUsed(), Integer.class))
			.bind("stt", nullable(message.providers().stt(), String.class))
			.bind("llm", nullable(message.providers().llm(), String.class))
			.bind("tts", nullable(message.providers().tts(), String.class))
			.bind("sttMs", nullable(latency.stt(), Integer.class))
			.bind("ragMs", nullable(latency.rag(), Integer.class))
			.bind("llmMs", nullable(latency.llm(), Integer.class))
			.bind("ttsMs", nullable(latency.tts(), Integer.class))
			.bind("totalMs", nullable(latency.total(), Integer.class))
			.bind("now", now)
			.map((row, metadata) -> Optional.ofNullable(row.get("turn_number", Integer.class)))
			.one()
			// A separate statement: a concurrent first attempt committed after this one's snapshot was taken.
			.flatMap((turn) -> turn.map(Mono::just)
				.orElseGet(() -> storedTurn(domain, conversation, messageUuid, message)
					.switchIfEmpty(Mono.error(() -> new MessageConflictException(messageUuid)))));
	}

	private Mono<Integer> storedTurn(DomainId domain, UUID conversation, UUID messageUuid, RecordedMessage message) {
		return this.database.sql(STORED_TURN)
			.bind("domain", domain.value())
			.bind("conversation", conversation)
			.bind("uuid", messageUuid)
			.bind("role", message.role().code())
			.bind("content", nullable(message.content(), String.class))
			.map((row, metadata) -> row.get("turn_number", Integer.class))
			.one();
	}

	/**
	 * Stores two messages (a turn's question and answer) with consecutive turn numbers in one statement.
	 * @return the second message's turn number; empty when the conversation is not the domain's
	 */
	Mono<Integer> appendPair(DomainId domain, UUID conversation, RecordedMessage first, RecordedMessage second,
			Instant now) {
		DatabaseClient.GenericExecuteSpec spec = this.database.sql(APPEND_PAIR)
			.bind("domain", domain.value())
			.bind("conversation", conversation)
			.bind("now", now);
		spec = bindMessage(bindMessage(spec, "1", first), "2", second);
		return spec.map((row, metadata) -> row.get("turn_number", Integer.class)).all().reduce(Math::max);
	}

	private DatabaseClient.GenericExecuteSpec bindMessage(DatabaseClient.GenericExecuteSpec spec, String suffix,
			RecordedMessage message) {
		TurnLatency latency = message.latency();
		return spec.bind("uuid" + suffix, UUID.randomUUID())
			.bind("role" + suffix, message.role().code())
			.bind("content" + suffix, nullable(message.content(), String.class))
			.bind("audioMs" + suffix, nullable(message.audioDurationMs(), Integer.class))
			.bind("intent" + suffix, nullable(message.detectedIntent(), String.class))
			.bind("rag" + suffix, message.ragSources().isEmpty() ? Parameters.in(Json.class)
					: Json.of(this.json.writeValueAsString(message.ragSources())))
			.bind("tokens" + suffix, nullable(message.tokensUsed(), Integer.class))
			.bind("stt" + suffix, nullable(message.providers().stt(), String.class))
			.bind("llm" + suffix, nullable(message.providers().llm(), String.class))
			.bind("tts" + suffix, nullable(message.providers().tts(), String.class))
			.bind("sttMs" + suffix, nullable(latency.stt(), Integer.class))
			.bind("ragMs" + suffix, nullable(latency.rag(), Integer.class))
			.bind("llmMs" + suffix, nullable(latency.llm(), Integer.class))
			.bind("ttsMs" + suffix, nullable(latency.tts(), Integer.class))
			.bind("totalMs" + suffix, nullable(latency.total(), Integer.class));
	}

	/** Marks the conversation ended; empty when it already was (or is not the domain's). */
	Mono<ConversationRow> end(DomainId domain, UUID conversation, EndRequest request, int durationSeconds,
			Instant now) {
		return this.database.sql(END)
			.bind("domain", domain.value())
			.bind("conversation", conversation)
			.bind("duration", durationSeconds)
			.bind("action", request.finalAction())
			.bind("extension", nullable(request.transferExtension(), String.class))
			.bind("department", nullable(request.transferDepartment(), String.class))
			.bind("summary", nullable(request.summary(), String.class))
			.bind("now", now)
			.map((row, metadata) -> row(row))
			.one();
	}

	Flux<ConversationMessage> messages(DomainId domain, UUID conversation) {
		return this.database.sql(MESSAGES)
			.bind("domain", domain.value())
			.bind("conversation", conversation)
			.map((row, metadata) -> message(row))
			.all();
	}

	/** One page of the domain's conversations matching {@code filter}, newest first. */
	Flux<ConversationSummary> list(DomainId domain, ConversationFilter filter, int page, int size) {
		String sql = "SELECT " + COLUMNS + ", s.secretary_name " + FROM_JOINED + where(filter)
				+ " ORDER BY c.start_time DESC NULLS LAST, c.voice_conversation_uuid LIMIT :limit OFFSET :offset";
		return bind(this.database.sql(sql), domain, filter)
			.bind("limit", size)
			.bind("offset", (long) page * size)
			.map((row, metadata) -> ConversationSummary.from(row(row), row.get("secretary_name", String.class)))
			.all();
	}

	Mono<Long> count(DomainId domain, ConversationFilter filter) {
		return bind(this.database.sql("SELECT count(*) AS total FROM v_voice_conversations c" + where(filter)), domain,
				filter)
			.map((row, metadata) -> row.get("total", Long.class))
			.one();
	}

	private static String where(ConversationFilter filter) {
		StringBuilder where = new StringBuilder(" WHERE c.domain_uuid = :domain");
		if (filter.secretaryUuid() != null) {
			where.append(" AND c.voice_secretary_uuid = :secretary");
		}
		if (filter.finalAction() != null) {
			where.append(" AND c.final_action = :action");
		}
		if (filter.from() != null) {
			where.append(" AND c.start_time >= :from");
		}
		if (filter.to() != null) {
			where.append(" AND c.start_time < :to");
		}
		return where.toString();
	}

	private static GenericExecuteSpec bind(GenericExecuteSpec spec, DomainId domain, ConversationFilter filter) {
		GenericExecuteSpec bound = spec.bind("domain", domain.value());
		if (filter.secretaryUuid() != null) {
			bound = bound.bind("secretary", filter.secretaryUuid());
		}
		if (filter.finalAction() != null) {
			bound = bound.bind("action", filter.finalAction());
		}
		if (filter.from() != null) {
			bound = bound.bind("from", filter.from());
		}
		if (filter.to() != null) {
			bound = bound.bind("to", filter.to());
		}
		return bound;
	}

	private static ConversationRow row(Readable row) {
		Integer turns = row.get("total_turns", Integer.class);
		return new ConversationRow(row.get("voice_conversation_uuid", UUID.class), row.get("call_uuid", UUID.class),
				row.get("voice_secretary_uuid", UUID.class), row.get("caller_id_number", String.class),
				row.get("caller_id_name", String.class), row.get("processing_mode", String.class),
				row.get("conversation_status", String.class), row.get("start_time", Instant.class),
				row.get("end_time", Instant.class), row.get("duration_seconds", Integer.class),
				(turns != null) ? turns : 0, row.get("final_action", String.class),
				row.get("transfer_extension", String.class), row.get("transfer_department", String.class),
				row.get("summary", String.class));
	}

	private ConversationMessage message(Readable row) {
		return new ConversationMessage(row.get("voice_message_uuid", UUID.class), row.get("turn_number", Integer.class),
				row.get("role", String.class), row.get("content", String.class),
				row.get("audio_duration_ms", Integer.class), row.get("detected_intent", String.class),
				ragSources(row.get("rag_sources", String.class)),
				row.get("tokens_used", Integer.class),
				new StageProviders(row.get("stt_provider", String.class), row.get("llm_provider", String.class),
						row.get("tts_provider", String.class)),
				new TurnLatency(row.get("stt_latency_ms", Integer.class), row.get("rag_latency_ms", Integer.class),
						row.get("llm_latency_ms", Integer.class), row.get("tts_latency_ms", Integer.class),
						row.get("total_latency_ms", Integer.class)),
				row.get("insert_date", Instant.class));
	}

	/** Sources as stored; a value another writer shaped differently is left out rather than failing the read. */
	private List<RagSource> ragSources(String stored) {
		if (stored == null) {
			return List.of();
		}
		try {
			return this.json.readerForListOf(RagSource.class).readValue(stored);
		}
		catch (JacksonException ex) {
			return List.of();
		}
	}

	private static Object nullable(Object value, Class<?> type) {
		return (value != null) ? value : Parameters.in(type);
	}

}

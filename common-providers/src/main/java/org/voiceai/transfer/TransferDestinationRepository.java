package org.voiceai.transfer;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.database.SqlBooleans;
import org.voiceai.tenant.DomainId;

/**
 * Reads a domain's enabled transfer destinations for one secretary (its own plus the domain-wide ones). Malformed
 * {@code aliases} or {@code working_hours} JSON (admins type it) is logged and treated as empty / always open,
 * never fatal for the call.
 */
public class TransferDestinationRepository {

	private static final Logger logger = LoggerFactory.getLogger(TransferDestinationRepository.class);

	private static final String SELECT = """
			SELECT voice_transfer_destination_uuid, secretary_uuid, name, aliases::text AS aliases,
			       destination_type, destination_number, destination_context, ring_timeout_seconds, fallback_action,
			       department, description, working_hours::text AS working_hours, priority, is_default::text AS is_default
			FROM v_voice_transfer_destinations
			WHERE domain_uuid = :domain AND (secretary_uuid IS NULL OR secretary_uuid = :secretary)
			  AND coalesce(lower(enabled::text), 'true') IN ('true', 't')
			ORDER BY coalesce(priority, 100), name
			""";

	private final DatabaseClient database;

	private final JsonMapper json;

	public TransferDestinationRepository(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	public Flux<TransferDestination> findForSecretary(DomainId domain, UUID secretary) {
		return this.database.sql(SELECT)
			.bind("domain", domain.value())
			.bind("secretary", secretary)
			.map((row, metadata) -> map(row))
			.all();
	}

	private TransferDestination map(Readable row) {
		UUID uuid = row.get("voice_transfer_destination_uuid", UUID.class);
		Number timeout = row.get("ring_timeout_seconds", Number.class);
		Number priority = row.get("priority", Number.class);
		String type = row.get("destination_type", String.class);
		return new TransferDestination(uuid, row.get("secretary_uuid", UUID.class), row.get("name", String.class),
				aliases(uuid, row.get("aliases", String.class)), (type != null) ? type : "extension",
				row.get("destination_number", String.class), row.get("destination_context", String.class),
				(timeout != null) ? timeout.intValue() : 30, row.get("fallback_action", String.class),
				row.get("department", String.class), row.get("description", String.class),
				workingHours(uuid, row.get("working_hours", String.class)), (priority != null) ? priority.intValue() : 100,
				SqlBooleans.parse(row.get("is_default", String.class), false));
	}

	/** A JSON array of strings, or (as PHP forms may save it) a comma-separated string. */
	private List<String> aliases(UUID destination, String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		try {
			JsonNode node = this.json.readTree(text);
			List<String> aliases = new ArrayList<>();
			if (node.isArray()) {
				node.forEach((alias) -> aliases.add(alias.asString()));
			}
			else if (node.isString()) {
				for (String alias : node.asString().split(",")) {
					aliases.add(alias.trim());
				}
			}
			aliases.removeIf(String::isBlank);
			return aliases;
		}
		catch (JacksonException ex) {
			logger.warn("Transfer destination {} has malformed aliases JSON; ignoring them", destination);
			return List.of();
		}
	}

	private WorkingHours workingHours(UUID destination, String text) {
		if (text == null || text.isBlank() || text.equals("null") || text.equals("{}")) {
			return WorkingHours.ALWAYS;
		}
		try {
			JsonNode node = this.json.readTree(text);
			Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
			node.path("days").forEach((day) -> days.add(day(day)));
			return new WorkingHours(days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : days,
					LocalTime.parse(node.path("start").asString("00:00")), LocalTime.parse(node.path("end").asString("23:59")),
					ZoneId.of(node.path("timezone").asString("America/Sao_Paulo")));
		}
		catch (JacksonException | DateTimeException | IllegalArgumentException ex) {
			logger.warn("Transfer destination {} has unusable working_hours ({}); treating it as always open",
					destination, ex.getClass().getSimpleName());
			return WorkingHours.ALWAYS;
		}
	}

	private static DayOfWeek day(JsonNode day) {
		if (day.isNumber()) {
			return DayOfWeek.of(day.asInt());
		}
		String text = day.asString().trim().toLowerCase(Locale.ROOT);
		for (DayOfWeek candidate : DayOfWeek.values()) {
			String english = candidate.name().toLowerCase(Locale.ROOT);
			if (text.length() >= 3 && english.startsWith(text.substring(0, 3))) {
				return candidate;
			}
		}
		return switch (text.length() >= 3 ? text.substring(0, 3) : text) {
			case "seg" -> DayOfWeek.MONDAY;
			case "ter" -> DayOfWeek.TUESDAY;
			case "qua" -> DayOfWeek.WEDNESDAY;
			case "qui" -> DayOfWeek.THURSDAY;
			case "sex" -> DayOfWeek.FRIDAY;
			case "sab", "sáb" -> DayOfWeek.SATURDAY;
			case "dom" -> DayOfWeek.SUNDAY;
			default -> throw new IllegalArgumentException("unknown day '" + text + "'");
		};
	}

}

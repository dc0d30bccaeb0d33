package org.voiceai.providers.manager;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.ProviderContext;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderRegistry;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.secret.SecretCipher;

/**
 * Builds provider instances from rows and keeps them, one per row, until the row's name or config changes. A row
 * whose configuration is unusable is remembered as such too, so a broken row costs one parse, not one per request.
 */
public class ProviderInstances {

	private static final Logger logger = LoggerFactory.getLogger(ProviderInstances.class);

	private final ProviderRegistry registry;

	private final JsonMapper json;

	private final SecretCipher cipher;

	private final ConcurrentMap<UUID, Built> built = new ConcurrentHashMap<>();

	public ProviderInstances(ProviderRegistry registry, JsonMapper json, SecretCipher cipher) {
		this.registry = registry;
		this.json = json;
		this.cipher = cipher;
	}

	/** The instance for {@code row}, built now if the row is new or changed since it was last built. */
	Built get(ProviderRow row, ProviderType<?> type) {
		return this.built.compute(row.uuid(), (uuid, existing) -> {
			if (existing != null && existing.row().buildsSameAs(row) && existing.row().domain().equals(row.domain())) {
				return existing;
			}
			Built fresh = build(row, type);
			if (existing != null) {
				logger.info("Rebuilt {} after its row changed", fresh.context().describe());
				close(existing);
			}
			return fresh;
		});
	}

	int size() {
		return this.built.size();
	}

	private Built build(ProviderRow row, ProviderType<?> type) {
		ProviderContext context = new ProviderContext(row.domain(), type, row.uuid(), row.providerName());
		try {
			ProviderFactory<?> factory = this.registry.find(type, row.providerName())
				.orElseThrow(() -> new ProviderConfigException(context, null, "unknown provider_name; known " + type
						+ " providers: " + String.join(", ", this.registry.names(type))));
			Object instance = factory.create(new ProviderConfig(context, parseConfig(context, row.configJson()),
					this.cipher));
			return new Built(row, context, instance, null);
		}
		catch (ProviderConfigException ex) {
			logger.warn("Unusable provider row: {}", ex.getMessage());
			return new Built(row, context, null, ex);
		}
		catch (RuntimeException ex) {
			logger.warn("Provider factory failed for {}", context.describe(), ex);
			return new Built(row, context, null, new ProviderConfigException(context, null,
					"cannot be created (" + ex.getClass().getSimpleName() + ")"));
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> parseConfig(ProviderContext context, String text) {
		if (text == null || text.isBlank()) {
			return Map.of();
		}
		try {
			JsonNode node = this.json.readTree(text);
			if (node.isString()) {
				// Some PHP code paths store the object JSON-encoded twice: a JSON string holding the object.
				node = this.json.readTree(node.asString());
			}
			if (node.isNull()) {
				return Map.of();
			}
			if (!node.isObject()) {
				throw new ProviderConfigException(context, "config", "must be a JSON object, got " + kind(node));
			}
			return Collections.unmodifiableMap(this.json.treeToValue(node, LinkedHashMap.class));
		}
		catch (JacksonException ex) {
			// Never include the parser's message: it quotes the offending text, which may be a secret.
			TokenStreamLocation where = ex.getLocation();
			String position = (where != null) ? " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"
					: "";
			throw new ProviderConfigException(context, "config", "is not valid JSON" + position);
		}
	}

	private static String kind(JsonNode node) {
		return node.isArray() ? "an array" : node.isString() ? "a string" : node.isNumber() ? "a number" : "a "
				+ node.getNodeType().name().toLowerCase(Locale.ROOT);
	}

	private static void close(Built previous) {
		if (previous.instance() instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				logger.warn("Closing the previous instance of {} failed", previous.context().describe(), ex);
			}
		}
	}

	/** A row's build outcome: an instance, or the reason there is none. */
	record Built(ProviderRow row, ProviderContext context, Object instance, ProviderConfigException failure) {

		boolean usable() {
			return this.failure == null;
		}

	}

}

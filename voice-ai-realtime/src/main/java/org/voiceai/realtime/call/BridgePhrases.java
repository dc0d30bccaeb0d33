package org.voiceai.realtime.call;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.tenant.Secretary;

/**
 * The words the bridge says itself when a call's provider fails, from the secretary's settings or else a default in
 * its language (Portuguese, Spanish, or English for any other).
 */
public final class BridgePhrases {

	private static final Logger logger = LoggerFactory.getLogger(BridgePhrases.class);

	/** The key of {@code advanced_settings} that holds the holding phrase: no column of FusionPBX's table has one. */
	static final String HOLDING_MESSAGE = "holding_message";

	private final JsonMapper json;

	public BridgePhrases(JsonMapper json) {
		this.json = json;
	}

	/** Said while the call moves to another provider: {@code advanced_settings.holding_message}, or a default. */
	String holding(Secretary secretary) {
		String configured = advancedText(secretary, HOLDING_MESSAGE);
		return (configured != null) ? configured
				: inLanguage(secretary, "Um momento, por favor.", "Un momento, por favor.", "One moment, please.");
	}

	/** Said before a call that lost its provider ends: the secretary's {@code fallback_message}, or a default. */
	String apology(Secretary secretary) {
		String configured = secretary.prompts().fallback();
		return (configured != null && !configured.isBlank()) ? configured
				: inLanguage(secretary,
						"Desculpe, estamos com um problema técnico. Por favor, ligue novamente em alguns minutos.",
						"Lo sentimos, tenemos un problema técnico. Por favor, llame de nuevo en unos minutos.",
						"Sorry, we are having a technical problem. Please call again in a few minutes.");
	}

	/** A non-blank text value of the secretary's {@code advanced_settings}; null when absent or unreadable. */
	private String advancedText(Secretary secretary, String key) {
		String settings = secretary.advancedSettingsJson();
		if (settings == null || settings.isBlank()) {
			return null;
		}
		try {
			JsonNode value = this.json.readTree(settings).path(key);
			return (value.isString() && !value.asString().isBlank()) ? value.asString().strip() : null;
		}
		catch (JacksonException ex) {
			// FusionPBX's page checks the JSON, but the column can be written by hand: a default beats no words.
			logger.warn("Secretary {} has unreadable advanced_settings ({}); using the default {}", secretary.uuid(),
					ex.getOriginalMessage(), key);
			return null;
		}
	}

	private static String inLanguage(Secretary secretary, String portuguese, String spanish, String english) {
		String language = (secretary.language() == null) ? "" : secretary.language().toLowerCase(Locale.ROOT);
		if (language.startsWith("pt")) {
			return portuguese;
		}
		return language.startsWith("es") ? spanish : english;
	}

}

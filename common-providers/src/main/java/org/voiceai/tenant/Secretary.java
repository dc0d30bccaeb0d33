package org.voiceai.tenant;

import java.util.Locale;
import java.util.UUID;

/**
 * One AI secretary ({@code v_voice_secretaries}) as both services use it. Grouped so callers take only what they
 * need. Values are never null where a default exists: FusionPBX-created tables have no column defaults, so the
 * repository applies them.
 *
 * @param uuid {@code voice_secretary_uuid}
 * @param domain owning domain
 * @param name {@code secretary_name}
 * @param companyName {@code company_name}, may be null
 * @param extension {@code extension}, may be null
 * @param mode {@code processing_mode}
 * @param language BCP-47 language, default pt-BR
 * @param prompts what the secretary says and how it behaves
 * @param providers provider row references per type (null = the domain's default)
 * @param voice text-to-speech voice and speed
 * @param model chat-model overrides
 * @param limits turn and time limits
 * @param transfer transfer and fallback behaviour
 * @param businessInfoJson {@code business_info} JSON object text
 * @param advancedSettingsJson {@code advanced_settings} JSON object text
 * @param webhookUrl where the end-of-call webhook goes, may be null
 */
public record Secretary(UUID uuid, DomainId domain, String name, String companyName, String extension,
		ProcessingMode mode, String language, Prompts prompts, Providers providers, Voice voice, Model model,
		Limits limits, Transfer transfer, String businessInfoJson, String advancedSettingsJson, String webhookUrl) {

	/** How calls to this secretary are handled. */
	public enum ProcessingMode {

		TURN_BASED, REALTIME, AUTO;

		static ProcessingMode parse(String text) {
			if (text == null) {
				return TURN_BASED;
			}
			return switch (text.trim().toLowerCase(Locale.ROOT)) {
				case "realtime" -> REALTIME;
				case "auto" -> AUTO;
				default -> TURN_BASED;
			};
		}

	}

	/**
	 * @param personality {@code personality_prompt}: the system prompt the admin wrote
	 * @param greeting {@code greeting_message}
	 * @param farewell {@code farewell_message}
	 * @param farewellKeywords {@code farewell_keywords}, newline or comma separated
	 * @param fallback {@code fallback_message}: said when the caller was not understood
	 * @param transferMessage {@code transfer_message}: said before a transfer
	 * @param outsideHours {@code outside_hours_message}
	 */
	public record Prompts(String personality, String greeting, String farewell, String farewellKeywords,
			String fallback, String transferMessage, String outsideHours) {
	}

	/** Provider row per type; {@code null} means the domain's default. */
	public record Providers(UUID stt, UUID tts, UUID llm, UUID embeddings, UUID realtime) {
	}

	/** @param voiceId {@code tts_voice_id}, null = provider default; @param speed {@code tts_speed} */
	public record Voice(String voiceId, double speed) {
	}

	/** @param modelOverride {@code llm_model_override}, may be null */
	public record Model(String modelOverride, double temperature, int maxTokens) {
	}

	/** Turn and time limits. */
	public record Limits(int maxTurns, int idleTimeoutSeconds, int maxDurationSeconds, int silenceTimeoutMs,
			int maxRecordingSeconds) {
	}

	/**
	 * @param defaultExtension {@code transfer_extension}: the operator, used for DTMF 0 and as the fallback target
	 * @param fallbackAction {@code fallback_action}: what to do when a transfer fails or max turns is reached
	 * @param presenceCheck {@code presence_check_enabled}
	 */
	public record Transfer(String defaultExtension, String fallbackAction, boolean presenceCheck) {
	}

}

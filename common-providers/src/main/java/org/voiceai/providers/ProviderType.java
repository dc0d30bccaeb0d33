package org.voiceai.providers;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.langchain4j.model.embedding.EmbeddingModel;

import org.voiceai.providers.llm.ChatModels;
import org.voiceai.providers.realtime.RealtimeVoice;
import org.voiceai.providers.stt.SpeechToText;
import org.voiceai.providers.tts.TextToSpeech;

/**
 * A provider capability as stored in {@code v_voice_ai_providers.provider_type}, typed by the interface its
 * instances implement, so that {@code manager.resolve(domain, ProviderType.STT, ...)} hands back a
 * {@link SpeechToText} without casts.
 *
 * @param <T> the interface instances of this type implement
 * @param code the value of the {@code provider_type} column
 * @param instanceType the interface instances of this type implement
 */
public record ProviderType<T>(String code, Class<T> instanceType) {

	public static final ProviderType<SpeechToText> STT = new ProviderType<>("stt", SpeechToText.class);

	public static final ProviderType<TextToSpeech> TTS = new ProviderType<>("tts", TextToSpeech.class);

	public static final ProviderType<ChatModels> LLM = new ProviderType<>("llm", ChatModels.class);

	public static final ProviderType<EmbeddingModel> EMBEDDINGS = new ProviderType<>("embeddings",
			EmbeddingModel.class);

	public static final ProviderType<RealtimeVoice> REALTIME = new ProviderType<>("realtime", RealtimeVoice.class);

	private static final List<ProviderType<?>> ALL = List.of(STT, TTS, LLM, EMBEDDINGS, REALTIME);

	public static List<ProviderType<?>> all() {
		return ALL;
	}

	/** The type for a {@code provider_type} column value, case-insensitively. */
	public static Optional<ProviderType<?>> fromCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String normalized = code.trim().toLowerCase(Locale.ROOT);
		return ALL.stream().filter((type) -> type.code.equals(normalized)).findFirst();
	}

	@Override
	public String toString() {
		return this.code;
	}

}

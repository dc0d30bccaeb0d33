package org.voiceai.providers;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.voiceai.providers.stt.SpeechToText;
import org.voiceai.providers.tts.TextToSpeech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Lookup of provider factories by type and by name or alias. */
class ProviderRegistryTest {

	final DeepgramStt deepgram = new DeepgramStt();

	final OpenAiStt openAiStt = new OpenAiStt();

	final OpenAiTts openAiTts = new OpenAiTts();

	final ProviderRegistry registry = new ProviderRegistry(List.of(this.deepgram, this.openAiStt, this.openAiTts));

	@Test
	void findsAFactoryByItsName() {
		assertThat(this.registry.find(ProviderType.STT, "deepgram")).containsSame(this.deepgram);
		assertThat(this.registry.find(ProviderType.STT, "openai")).containsSame(this.openAiStt);
		assertThat(this.registry.find(ProviderType.TTS, "openai")).containsSame(this.openAiTts);
	}

	@Test
	void findsByNameOrAliasCaseInsensitivelyWithWhitespaceTrimmed() {
		assertThat(this.registry.find(ProviderType.STT, "  DeepGram ")).containsSame(this.deepgram);
		assertThat(this.registry.find(ProviderType.STT, "NOVA")).containsSame(this.deepgram);
		assertThat(this.registry.find(ProviderType.STT, "\tdg\n")).containsSame(this.deepgram);
		assertThat(this.registry.find(ProviderType.STT, " Whisper")).containsSame(this.openAiStt);
	}

	@Test
	void findReturnsEmptyForUnknownNameNullOrAnotherType() {
		assertThat(this.registry.find(ProviderType.STT, "azure")).isEmpty();
		assertThat(this.registry.find(ProviderType.STT, null)).isEmpty();
		assertThat(this.registry.find(ProviderType.STT, "")).isEmpty();
		assertThat(this.registry.find(ProviderType.TTS, "deepgram")).isEmpty();
		assertThat(this.registry.find(ProviderType.LLM, "openai")).isEmpty();
	}

	@Test
	void canonicalNameResolvesAliasesAndNormalizesUnknownNames() {
		assertThat(this.registry.canonicalName(ProviderType.STT, " Nova ")).isEqualTo("deepgram");
		assertThat(this.registry.canonicalName(ProviderType.STT, "DEEPGRAM")).isEqualTo("deepgram");
		assertThat(this.registry.canonicalName(ProviderType.STT, "WHISPER")).isEqualTo("openai");
		assertThat(this.registry.canonicalName(ProviderType.STT, "  Azure ")).isEqualTo("azure");
		assertThat(this.registry.canonicalName(ProviderType.TTS, "nova")).isEqualTo("nova");
	}

	@Test
	void namesListsCanonicalNamesAndAliasesOfOneTypeSorted() {
		assertThat(this.registry.names(ProviderType.STT)).containsExactly("deepgram", "dg", "nova", "openai", "whisper");
		assertThat(this.registry.names(ProviderType.TTS)).containsExactly("openai", "tts-1");
		assertThat(this.registry.names(ProviderType.LLM)).isEmpty();
	}

	@Test
	void factoriesListsEachFactoryOnceDespiteAliases() {
		assertThat(this.registry.factories()).containsExactlyInAnyOrder(this.deepgram, this.openAiStt, this.openAiTts);
	}

	@Test
	void sameNameForTwoDifferentTypesIsAllowed() {
		ProviderRegistry registry = new ProviderRegistry(List.of(this.openAiTts, this.openAiStt));

		assertThat(registry.find(ProviderType.STT, "openai")).containsSame(this.openAiStt);
		assertThat(registry.find(ProviderType.TTS, "openai")).containsSame(this.openAiTts);
	}

	@Test
	void factoryWhoseAliasRepeatsItsOwnNameIsAccepted() {
		Factory<SpeechToText> selfAliased = new Factory<>(ProviderType.STT, "groq", Set.of("GROQ", " groq "));

		ProviderRegistry registry = new ProviderRegistry(List.of(selfAliased));

		assertThat(registry.names(ProviderType.STT)).containsExactly("groq");
	}

	@Test
	void sameNameClaimedTwiceForOneTypeFailsNamingBothClasses() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new ProviderRegistry(List.of(this.deepgram, new OtherDeepgramStt())))
			.withMessageContaining("'deepgram'")
			.withMessageContaining("type stt")
			.withMessageContaining(DeepgramStt.class.getName())
			.withMessageContaining(OtherDeepgramStt.class.getName());
	}

	@Test
	void aliasClashingWithAnotherFactorysNameFails() {
		Factory<SpeechToText> clash = new Factory<>(ProviderType.STT, "azure", Set.of("Deepgram"));

		assertThatIllegalStateException().isThrownBy(() -> new ProviderRegistry(List.of(this.deepgram, clash)))
			.withMessageContaining("'Deepgram'")
			.withMessageContaining(DeepgramStt.class.getName())
			.withMessageContaining(Factory.class.getName());
	}

	@Test
	void namesDifferingOnlyInCaseAreTheSameName() {
		Factory<SpeechToText> upper = new Factory<>(ProviderType.STT, "DEEPGRAM", Set.of());

		assertThatIllegalStateException().isThrownBy(() -> new ProviderRegistry(List.of(this.deepgram, upper)));
	}

	static class Factory<T> implements ProviderFactory<T> {

		private final ProviderType<T> type;

		private final String name;

		private final Set<String> aliases;

		Factory(ProviderType<T> type, String name, Set<String> aliases) {
			this.type = type;
			this.name = name;
			this.aliases = aliases;
		}

		@Override
		public ProviderType<T> type() {
			return this.type;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public Set<String> aliases() {
			return this.aliases;
		}

		@Override
		public T create(ProviderConfig config) {
			throw new UnsupportedOperationException("not needed by these tests");
		}

	}

	static class DeepgramStt extends Factory<SpeechToText> {

		DeepgramStt() {
			super(ProviderType.STT, "deepgram", Set.of("nova", "dg"));
		}

	}

	static class OtherDeepgramStt extends Factory<SpeechToText> {

		OtherDeepgramStt() {
			super(ProviderType.STT, "deepgram", Set.of());
		}

	}

	static class OpenAiStt extends Factory<SpeechToText> {

		OpenAiStt() {
			super(ProviderType.STT, "openai", Set.of("whisper"));
		}

	}

	static class OpenAiTts extends Factory<TextToSpeech> {

		OpenAiTts() {
			super(ProviderType.TTS, "openai", Set.of("tts-1"));
		}

	}

}

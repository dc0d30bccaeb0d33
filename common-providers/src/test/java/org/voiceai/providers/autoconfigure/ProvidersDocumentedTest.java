package org.voiceai.providers.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.http.HttpErrorMapper;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.testing.Php;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/providers.md lists exactly the providers common-providers registers: every factory's name with its aliases in
 * the provider_name column of its type's table, and nothing more. The FusionPBX provider page is held to the same
 * tables (ProviderCatalogueDocsTest, PHPUnit), so a provider added, renamed or given an alias here without the
 * document and the page fails one of the two. The realtime table is voice-ai-realtime's (RealtimeProvidersDocumentedTest).
 */
class ProvidersDocumentedTest {

	private static final Map<String, String> SECTIONS = Map.of("## Speech-to-text", "stt", "## Text-to-speech", "tts",
			"## Chat models", "llm", "## Embeddings", "embeddings", "## Realtime speech to speech", "realtime");

	private static final Pattern NAME = Pattern.compile("`([^`]+)`");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpeechToTextProvidersAutoConfiguration.class,
				TextToSpeechProvidersAutoConfiguration.class, ChatModelProvidersAutoConfiguration.class,
				EmbeddingProvidersAutoConfiguration.class))
		.withBean(JsonMapper.class, () -> JsonMapper.builder().build())
		.withBean(ProviderHttp.class, () -> new ProviderHttp(ConnectionProvider.newConnection(),
				new HttpErrorMapper(JsonMapper.builder().build())));

	@Test
	void everyFactoryIsDocumentedUnderItsNameAndAliasesAndNothingElseIs() throws IOException {
		Map<String, Map<String, Set<String>>> documented = documented();
		assertThat(documented.keySet()).containsExactlyInAnyOrder("stt", "tts", "llm", "embeddings", "realtime");
		documented.remove("realtime");
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			Map<String, Map<String, Set<String>>> registered = new TreeMap<>();
			for (ProviderFactory<?> factory : context.getBeansOfType(ProviderFactory.class).values()) {
				registered.computeIfAbsent(factory.type().code(), (type) -> new TreeMap<>())
					.put(factory.name(), new TreeSet<>(factory.aliases()));
			}
			assertThat(registered).isEqualTo(documented);
		});
	}

	/** type => canonical provider_name => aliases, from the provider_name column of each section's table. */
	static Map<String, Map<String, Set<String>>> documented() throws IOException {
		List<String> lines = Files.readAllLines(Php.repositoryRoot().resolve("docs/providers.md"));
		Map<String, Map<String, Set<String>>> documented = new TreeMap<>();
		String type = null;
		boolean inTable = false;
		for (String line : lines) {
			if (line.startsWith("## ")) {
				type = SECTIONS.entrySet()
					.stream()
					.filter((section) -> line.startsWith(section.getKey()))
					.map(Map.Entry::getValue)
					.findFirst()
					.orElse(null);
				inTable = false;
			}
			else if (type != null && line.startsWith("| provider_name")) {
				inTable = true;
			}
			else if (line.isBlank()) {
				inTable = false;
			}
			else if (inTable && line.startsWith("| `")) {
				String nameCell = line.substring(1, line.indexOf('|', 1));
				Matcher names = NAME.matcher(nameCell);
				Map<String, Set<String>> providers = documented.computeIfAbsent(type, (t) -> new LinkedHashMap<>());
				names.find();
				Set<String> aliases = new TreeSet<>();
				providers.put(names.group(1), aliases);
				while (names.find()) {
					aliases.add(names.group(1));
				}
			}
		}
		documented.replaceAll((t, providers) -> new TreeMap<>(providers));
		return documented;
	}

}

package org.voiceai.realtime.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import org.voiceai.providers.ProviderFactory;
import org.voiceai.testing.Php;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realtime table of docs/providers.md lists exactly the realtime factories the bridge registers, with their
 * aliases. The FusionPBX provider page offers what that table lists (ProviderCatalogueDocsTest, PHPUnit), so an admin
 * cannot save a realtime row the bridge cannot build.
 */
class RealtimeProvidersDocumentedTest {

	private static final Pattern NAME = Pattern.compile("`([^`]+)`");

	@Test
	void theRealtimeTableListsEveryFactoryAndNothingElse() throws IOException {
		Map<String, Set<String>> documented = documentedRealtimeProviders();
		assertThat(documented).isNotEmpty();
		new ApplicationContextRunner().withBean(JsonMapper.class, () -> JsonMapper.builder().build())
			.withUserConfiguration(RealtimeProviderFactories.class)
			.run((context) -> {
				Map<String, Set<String>> registered = new TreeMap<>();
				for (ProviderFactory<?> factory : context.getBeansOfType(ProviderFactory.class).values()) {
					registered.put(factory.name(), new TreeSet<>(factory.aliases()));
				}
				assertThat(registered).isEqualTo(documented);
			});
	}

	private static Map<String, Set<String>> documentedRealtimeProviders() throws IOException {
		List<String> lines = Files.readAllLines(Php.repositoryRoot().resolve("docs/providers.md"));
		Map<String, Set<String>> documented = new TreeMap<>();
		boolean inSection = false;
		boolean inTable = false;
		for (String line : lines) {
			if (line.startsWith("## ")) {
				inSection = line.startsWith("## Realtime speech to speech");
				inTable = false;
			}
			else if (inSection && line.startsWith("| provider_name")) {
				inTable = true;
			}
			else if (line.isBlank()) {
				inTable = false;
			}
			else if (inTable && line.startsWith("| `")) {
				Matcher names = NAME.matcher(line.substring(1, line.indexOf('|', 1)));
				names.find();
				Set<String> aliases = new TreeSet<>();
				documented.put(names.group(1), aliases);
				while (names.find()) {
					aliases.add(names.group(1));
				}
			}
		}
		return documented;
	}

}

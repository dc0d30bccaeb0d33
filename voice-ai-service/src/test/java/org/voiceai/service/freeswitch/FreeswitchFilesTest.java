package org.voiceai.service.freeswitch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks of the files under {@code freeswitch/}: every Lua file compiles with Lua 5.2's {@code luac5.2 -p}, no
 * script forks a process or carries a credential, and every dialplan is well-formed XML whose {@code lua} actions
 * name a script that exists.
 */
class FreeswitchFilesTest {

	private static final Path FREESWITCH = Lua.root().resolve("freeswitch");

	/** Shelling out, and the things a credential looks like in source (the reference had a DSN with a password). */
	private static final Map<String, Pattern> FORBIDDEN = Map.of("io.popen", Pattern.compile("io\\s*\\.\\s*popen"),
			"os.execute", Pattern.compile("os\\s*\\.\\s*execute"),
			"a password", Pattern.compile("(?i)password\\s*=\\s*['\"][^'\"]+['\"]"),
			"a database DSN", Pattern.compile("(?i)(pgsql|postgres(ql)?|odbc)://"),
			"a literal bearer token", Pattern.compile("Bearer [A-Za-z0-9_\\-.]{8,}"),
			"an API key", Pattern.compile("\\b(sk|xi|gsk)-[A-Za-z0-9]{8,}"));

	@Test
	void everyLuaFileCompilesWithLua52() throws IOException {
		Lua.assumeAvailable();
		List<Path> files = files("lua");
		assertThat(files).extracting((file) -> FREESWITCH.relativize(file).toString().replace('\\', '/'))
			.contains("scripts/secretary_ai.lua", "scripts/get_secretary_mode.lua",
					"scripts/voice_secretary_realtime.lua", "scripts/lib/http.lua", "scripts/lib/config.lua",
					"scripts/lib/log.lua", "test/driver.lua");
		for (Path file : files) {
			Lua.Result result = Lua.run(List.of("luac5.2", "-p", file.toString()), Map.of(), 30);
			assertThat(result).as("luac5.2").isNotNull();
			assertThat(result.exitCode()).as(file + ": " + result.err()).isZero();
		}
	}

	@Test
	void noScriptForksAProcessOrCarriesACredential() throws IOException {
		List<Path> scripts = files("lua").stream().filter((file) -> file.startsWith(FREESWITCH.resolve("scripts")))
			.toList();
		assertThat(scripts).hasSizeGreaterThanOrEqualTo(8);
		for (Path script : scripts) {
			String source = Files.readString(script, StandardCharsets.UTF_8);
			FORBIDDEN.forEach((what, pattern) -> assertThat(pattern.matcher(source).find())
				.as(script + " contains " + what).isFalse());
		}
		for (Path dialplan : files("xml")) {
			String source = Files.readString(dialplan, StandardCharsets.UTF_8);
			FORBIDDEN.forEach((what, pattern) -> assertThat(pattern.matcher(source).find())
				.as(dialplan + " contains " + what).isFalse());
		}
	}

	@Test
	void theForbiddenPatternsCatchWhatTheyAreFor() {
		assertThat(FORBIDDEN.get("io.popen").matcher("local f = io.popen('curl ' .. url)").find()).isTrue();
		assertThat(FORBIDDEN.get("os.execute").matcher("os.execute(\"psql\")").find()).isTrue();
		assertThat(FORBIDDEN.get("a database DSN").matcher("dsn = \"pgsql://hostaddr=127.0.0.1\"").find()).isTrue();
		assertThat(FORBIDDEN.get("a password").matcher("local password = \"secret\"").find()).isTrue();
		assertThat(FORBIDDEN.get("a literal bearer token").matcher("'Authorization: Bearer abcdef123456'").find())
			.isTrue();
	}

	@Test
	void everyDialplanIsWellFormedAndRunsAnExistingScript() throws Exception {
		List<Path> dialplans = files("xml");
		assertThat(dialplans).extracting((file) -> file.getFileName().toString())
			.contains("voice_secretary_extension.xml", "voice_secretary_did.xml", "voice_secretary_mode_router.xml");
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		for (Path dialplan : dialplans) {
			Document document = factory.newDocumentBuilder().parse(dialplan.toFile());
			Element extension = document.getDocumentElement();
			assertThat(extension.getTagName()).as(dialplan.toString()).isEqualTo("extension");
			NodeList actions = extension.getElementsByTagName("action");
			boolean runsLua = false;
			for (int i = 0; i < actions.getLength(); i++) {
				Element action = (Element) actions.item(i);
				if ("lua".equals(action.getAttribute("application"))) {
					runsLua = true;
					String script = action.getAttribute("data").split(" ")[0];
					assertThat(script).as(dialplan + ": scripts are installed under voice_secretary/")
						.startsWith("voice_secretary/");
					assertThat(FREESWITCH.resolve("scripts").resolve(script.substring("voice_secretary/".length())))
						.as(dialplan.toString()).isRegularFile();
				}
			}
			assertThat(runsLua).as(dialplan + " runs a script").isTrue();
		}
	}

	private static List<Path> files(String extension) throws IOException {
		try (Stream<Path> walk = Files.walk(FREESWITCH)) {
			return walk.filter((file) -> file.getFileName().toString().endsWith("." + extension)).sorted().toList();
		}
	}

}

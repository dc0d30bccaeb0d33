package org.voiceai.realtime;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.providers.manager.ProviderDraft;

/**
 * The process {@link RemoteLoadCallers} starts: a provider fake and the callers of {@link LocalLoadCallers}, driven by
 * lines on standard input ({@code call <first speech ms> <stream uri>}, {@code heard}, {@code hangup},
 * {@code quit}). It answers each with one line starting with {@value #REPLY}, and opens with the provider row and
 * its companions.
 */
final class LoadHarness {

	static final String REPLY = "@harness ";

	private LoadHarness() {
	}

	public static void main(String[] args) throws Exception {
		// Without Spring, logback logs everything at DEBUG to standard output, which carries the replies.
		((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		LoadProvider provider = LoadProvider.start(args[0]);
		Map<String, Object> row = describe(provider.row());
		row.put("companions", provider.companions().stream().map(LoadHarness::describe).toList());
		System.out.println(REPLY + "row " + JsonMapper.builder().build().writeValueAsString(row));
		try (LocalLoadCallers callers = new LocalLoadCallers(provider);
				BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null && !line.equals("quit")) {
				String[] words = line.split(" ");
				try {
					switch (words[0]) {
						case "call" -> {
							callers.call(URI.create(words[2]), Long.parseLong(words[1]));
							System.out.println(REPLY + "ok");
						}
						case "heard" -> System.out.println(REPLY + "heard " + callers.heard());
						case "late" -> System.out.println(REPLY + "late " + callers.providerLateReplies());
						case "hangup" -> {
							callers.hangUp();
							System.out.println(REPLY + "ok");
						}
						default -> System.out.println(REPLY + "error unknown command " + words[0]);
					}
				}
				catch (Exception ex) {
					System.out.println(REPLY + "error " + ex);
				}
			}
		}
		System.exit(0);
	}

	private static Map<String, Object> describe(ProviderDraft row) {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("kind", row.type().code());
		description.put("type", row.providerName());
		description.put("name", row.displayName());
		description.put("config", row.config());
		return description;
	}

}

package org.voiceai.realtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.ProviderDraft;

/**
 * Callers and the provider fake in a JVM of their own ({@link LoadHarness}), started on the benchmark's class path and
 * driven one line at a time over its standard input and output. With {@code pin}, the harness runs on CPU 1 and the
 * benchmark's JVM (the bridge) is moved to CPU 0, so that neither takes the other's processor; other processes on the
 * machine still use both.
 */
final class RemoteLoadCallers implements LoadCallers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Process process;

	private final PrintWriter commands;

	private final BufferedReader replies;

	private final String provider;

	private final ProviderDraft row;

	private final List<ProviderDraft> companions;

	private RemoteLoadCallers(Process process, String provider) throws IOException {
		this.process = process;
		this.provider = provider;
		this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
		this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		JsonNode row = JSON.readTree(reply("row"));
		this.row = draft(row);
		List<ProviderDraft> companions = new ArrayList<>();
		row.path("companions").forEach((companion) -> companions.add(draft(companion)));
		this.companions = List.copyOf(companions);
	}

	/** A default, enabled row as {@link LoadHarness} describes it; every setting of the fakes' rows is a string. */
	private static ProviderDraft draft(JsonNode row) {
		Map<String, Object> config = new LinkedHashMap<>();
		row.path("config").properties().forEach((field) -> config.put(field.getKey(), field.getValue().asString()));
		ProviderType<?> kind = ProviderType.fromCode(row.path("kind").asString())
			.orElseThrow(() -> new IllegalStateException("load harness: unknown provider type in " + row));
		return new ProviderDraft(kind, row.path("type").asString(), row.path("name").asString(), config, true, 0, true);
	}

	static RemoteLoadCallers start(String provider, boolean pin) {
		List<String> command = new ArrayList<>();
		if (pin) {
			command.addAll(List.of("taskset", "-c", "1"));
		}
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(List.of("-Xmx2g", "-cp", System.getProperty("java.class.path"), LoadHarness.class.getName(),
				provider));
		try {
			if (pin) {
				new ProcessBuilder("taskset", "-a", "-cp", "0", Long.toString(ProcessHandle.current().pid()))
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start()
					.waitFor(10, TimeUnit.SECONDS);
			}
			Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
			return new RemoteLoadCallers(process, provider);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start the load harness: " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String provider() {
		return this.provider;
	}

	@Override
	public ProviderDraft row() {
		return this.row;
	}

	@Override
	public List<ProviderDraft> companions() {
		return this.companions;
	}

	@Override
	public void call(URI stream, long firstSpeechMillis) throws IOException {
		this.commands.println("call " + firstSpeechMillis + " " + stream);
		reply("ok");
	}

	@Override
	public long heard() {
		return ask("heard");
	}

	@Override
	public long providerLateReplies() {
		return ask("late");
	}

	private long ask(String count) {
		this.commands.println(count);
		try {
			return Long.parseLong(reply(count));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void hangUp() {
		this.commands.println("hangup");
		try {
			reply("ok");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public long processCpuNanos() {
		return this.process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
	}

	@Override
	public void close() {
		this.commands.println("quit");
		try {
			if (!this.process.waitFor(15, TimeUnit.SECONDS)) {
				this.process.destroy();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroy();
		}
	}

	/** The rest of the harness's next protocol line, which must start with {@code kind}; other output is skipped. */
	private String reply(String kind) throws IOException {
		String line;
		while ((line = this.replies.readLine()) != null) {
			if (line.startsWith(LoadHarness.REPLY + kind)) {
				return line.substring((LoadHarness.REPLY + kind).length()).trim();
			}
			if (line.startsWith(LoadHarness.REPLY + "error")) {
				throw new IllegalStateException("load harness: " + line);
			}
		}
		throw new IllegalStateException("the load harness ended ("
				+ (this.process.isAlive() ? "its output closed" : "exit " + this.process.exitValue()) + ")");
	}

}

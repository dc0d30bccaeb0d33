package org.voiceai.service.freeswitch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import org.voiceai.testing.Php;

/**
 * Runs Debian's Lua 5.2 ({@code lua5.2}, {@code luac5.2}), the Lua FreeSWITCH's mod_lua embeds, with lua-cjson,
 * lua-socket and lua-sql-postgres for the test stand-ins. CI installs them ({@code .ci/run}); without them the Lua
 * tests are skipped on a developer machine and fail under CI.
 */
final class Lua {

	static final String[] MODULES = { "cjson", "socket.http", "luasql.postgres" };

	private Lua() {
	}

	static void assumeAvailable() {
		String missing = missing();
		if (missing != null && System.getenv("CI") != null) {
			throw new AssertionError(missing + " is required under CI; .ci/run must install it");
		}
		Assumptions.assumeTrue(missing == null, missing + " is not installed "
				+ "(apt-get install lua5.2 lua-cjson lua-socket lua-sql-postgres)");
	}

	private static String missing() {
		StringBuilder probe = new StringBuilder();
		for (String module : MODULES) {
			probe.append("require '").append(module).append("';");
		}
		Result result = run(List.of("lua5.2", "-e", probe.toString()), Map.of(), 20);
		if (result == null) {
			return "lua5.2";
		}
		if (result.exitCode() != 0) {
			return "a Lua module (" + String.join(", ", MODULES) + ")";
		}
		return null;
	}

	/** The repository root. */
	static Path root() {
		return Php.repositoryRoot();
	}

	/** Runs a command in the repository root; null when the program cannot be started. */
	static Result run(List<String> command, Map<String, String> environment, int timeoutSeconds) {
		try {
			Path out = Files.createTempFile("lua-out", ".txt");
			Path err = Files.createTempFile("lua-err", ".txt");
			ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(root().toFile())
				.redirectOutput(out.toFile())
				.redirectError(err.toFile());
			builder.environment().putAll(environment);
			Process process = builder.start();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s: "
						+ Files.readString(err, StandardCharsets.UTF_8));
			}
			Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
			return result;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	record Result(int exitCode, String out, String err) {
	}

}

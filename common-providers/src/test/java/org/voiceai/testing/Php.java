package org.voiceai.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs php-cli, which the FusionPBX side of the project is written for. CI installs it ({@code .ci/run}); on a
 * developer machine without it, PHP-dependent tests are skipped, never silently passed.
 */
public final class Php {

	private Php() {
	}

	/** Skips the calling test when php is not installed, except under CI where its absence is a failure. */
	public static void assumeAvailable() {
		boolean available = available();
		if (!available && System.getenv("CI") != null) {
			throw new AssertionError("php-cli is required under CI; .ci/run must install it");
		}
		Assumptions.assumeTrue(available, "php-cli is not installed (apt-get install php-cli)");
	}

	public static boolean available() {
		try {
			return new ProcessBuilder("php", "--version").redirectErrorStream(true).start().waitFor(10,
					TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Runs {@code code} (PHP without the opening tag) with the repository root as working directory. */
	public static String run(String code) {
		try {
			Process process = new ProcessBuilder("php", "-d", "display_errors=stderr", "-d", "error_reporting=E_ALL",
					"-r", code)
				.directory(repositoryRoot().toFile())
				.start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || !err.isBlank()) {
				throw new AssertionError("php failed: " + err + out);
			}
			return out;
		}
		catch (IOException ex) {
			throw new AssertionError("php could not be started", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** The repository root (the directory holding fusionpbx-app/), found from the module's working directory. */
	public static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isDirectory(dir.resolve("fusionpbx-app"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new AssertionError("fusionpbx-app/ not found above " + Path.of("").toAbsolutePath());
		}
		return dir;
	}

}

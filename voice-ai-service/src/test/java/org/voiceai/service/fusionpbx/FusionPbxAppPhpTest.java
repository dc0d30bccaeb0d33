package org.voiceai.service.fusionpbx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.voiceai.testing.Php;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FusionPBX app's PHP on its own: every file parses ({@code php -l}) and the PHPUnit suite of its classes
 * (validation, provider fields and secrets, the service client) passes. Run from here so {@code ./mvnw verify}
 * covers it.
 */
class FusionPbxAppPhpTest {

	@Test
	void everyPhpFileParses() throws Exception {
		Php.assumeAvailable();
		List<Path> files;
		try (Stream<Path> walk = Files.walk(Php.repositoryRoot().resolve("fusionpbx-app"))) {
			files = walk.filter((file) -> file.toString().endsWith(".php"))
				.filter((file) -> !file.toString().contains("node_modules"))
				.toList();
		}
		assertThat(files).hasSizeGreaterThan(20);
		List<String> failures = new ArrayList<>();
		for (Path file : files) {
			Result lint = run(List.of("php", "-l", file.toString()));
			if (lint.exitCode() != 0) {
				failures.add(lint.output());
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void phpUnitSuiteOfTheAppClassesPasses() throws Exception {
		Php.assumeAvailable();
		boolean available = run(List.of("phpunit", "--version")).exitCode() == 0;
		if (!available && System.getenv("CI") != null) {
			throw new AssertionError("phpunit is required under CI; .ci/run must install it");
		}
		Assumptions.assumeTrue(available, "phpunit is not installed (apt-get install phpunit)");
		Result result = run(List.of("phpunit", "-c", "fusionpbx-app/test/phpunit/phpunit.xml"));
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).containsPattern("OK \\(\\d+ tests");
	}

	private static Result run(List<String> command) throws IOException, InterruptedException {
		Process process;
		try {
			process = new ProcessBuilder(command).directory(Php.repositoryRoot().toFile())
				.redirectErrorStream(true)
				.start();
		}
		catch (IOException ex) {
			return new Result(-1, ex.getMessage());
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return new Result(-1, "timed out: " + output);
		}
		return new Result(process.exitValue(), output);
	}

	private record Result(int exitCode, String output) {
	}

}

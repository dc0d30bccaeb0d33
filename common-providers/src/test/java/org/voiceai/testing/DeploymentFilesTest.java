package org.voiceai.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files stay valid and honest: docker-compose.yml parses (Debian's docker-compose, no engine needed)
 * with and without the ollama profile, and each service's health check probes that container's own port, the one
 * its application.yml listens on (the Python reference's check probed a port its container did not have).
 */
class DeploymentFilesTest {

	private final Path root = Php.repositoryRoot();

	@Test
	void composeFileIsValidWithAndWithoutTheOllamaProfile() {
		assumeDockerCompose();
		assertThat(run("docker-compose", "config", "-q")).isEmpty();
		String withOllama = run("docker-compose", "--profile", "ollama", "config");
		assertThat(withOllama).contains("ollama:", "voice-ai-service:", "voice-ai-realtime:", "redis:", "chromadb:");
	}

	@Test
	void healthChecksProbeEachServicesOwnPort() throws IOException {
		String compose = Files.readString(this.root.resolve("docker-compose.yml"));
		assertThat(compose).contains("http://127.0.0.1:8100/actuator/health/readiness")
			.contains("http://127.0.0.1:8080/actuator/health/readiness");
		assertThat(Files.readString(this.root.resolve("voice-ai-service/src/main/resources/application.yml")))
			.contains("${SERVER_PORT:8100}");
		assertThat(Files.readString(this.root.resolve("voice-ai-realtime/src/main/resources/application.yml")))
			.contains("${SERVER_PORT:8080}");
		assertThat(Files.readString(this.root.resolve("voice-ai-service/Dockerfile"))).contains("8100");
		assertThat(Files.readString(this.root.resolve("voice-ai-realtime/Dockerfile"))).contains("8080");
	}

	private static void assumeDockerCompose() {
		boolean available;
		try {
			available = new ProcessBuilder("docker-compose", "version").start().waitFor(30, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			available = false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			available = false;
		}
		if (!available && System.getenv("CI") != null) {
			throw new AssertionError("docker-compose is required under CI; .ci/run must install it");
		}
		Assumptions.assumeTrue(available, "docker-compose is not installed (apt-get install docker-compose)");
	}

	private String run(String... command) {
		try {
			Process process = new ProcessBuilder(List.of(command)).directory(this.root.toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as(output).isZero();
			return output.strip();
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}

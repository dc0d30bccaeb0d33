package org.voiceai.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.testing.EmbeddedDefaults;
import org.voiceai.testing.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two processes on the embedded default (voice-ai-service and voice-ai-realtime) share one embedded PostgreSQL: the
 * first starts it on the fixed port, the second attaches, both see the same rows, the data survives a restart, and
 * the server stops with the process that started it.
 */
class EmbeddedDatabaseSharingTest {

	@TempDir
	Path home;

	@Test
	void secondApplicationAttachesToTheFirstOnesDatabaseAndDataPersistsAcrossRestarts() throws IOException {
		int port = freePort();
		UUID domain = UUID.randomUUID();
		try (ConfigurableApplicationContext first = start(port)) {
			try (ConfigurableApplicationContext second = start(port)) {
				database(first).sql("INSERT INTO v_domains (domain_uuid, domain_name) VALUES (:id, 'shared.test')")
					.bind("id", domain)
					.then()
					.block();
				assertThat(countDomain(second, domain)).isEqualTo(1);
				assertThat(setting(first, "fsync")).as("a persistent database is durable").isEqualTo("on");
				assertThat(setting(first, "synchronous_commit")).isEqualTo("on");
			}
			assertThat(countDomain(first, domain)).as("closing the attached app leaves the server running")
				.isEqualTo(1);
		}
		assertThatThrownBy(() -> new Socket("localhost", port).close()).as("stopped with its owner")
			.isInstanceOf(IOException.class);

		try (ConfigurableApplicationContext restarted = start(port)) {
			assertThat(countDomain(restarted, domain)).isEqualTo(1);
			assertThat(countDomain(restarted, UUID.fromString("5f0c5e2a-6d1b-4c55-9a51-000000000001")))
				.as("the demo domain was added once, to the empty database").isEqualTo(1);
		}
	}

	private ConfigurableApplicationContext start(int port) {
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.properties("voice-ai.database.host=", "voice-ai.embedded.port=" + port,
					"voice-ai.embedded.data-directory=" + this.home.resolve("postgres"), "voice-ai.redis.url=",
					"voice-ai.home=" + this.home, "voice-ai.secrets.key=" + EmbeddedDefaults.SECRET_KEY)
			.run();
	}

	private static DatabaseClient database(ConfigurableApplicationContext context) {
		return context.getBean(DatabaseClient.class);
	}

	private static long countDomain(ConfigurableApplicationContext context, UUID domain) {
		return database(context).sql("SELECT count(*) FROM v_domains WHERE domain_uuid = :id")
			.bind("id", domain)
			.map((row, meta) -> row.get(0, Long.class))
			.one()
			.block();
	}

	private static String setting(ConfigurableApplicationContext context, String name) {
		return database(context).sql("SELECT current_setting(:name)")
			.bind("name", name)
			.map((row, meta) -> row.get(0, String.class))
			.one()
			.block();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

package org.voiceai.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a real PostgreSQL 15 (binaries unpacked from Maven Central by zonky) when no database is configured, or
 * attaches to the one another voice-ai process already started on the same port and data directory. That is how
 * voice-ai-service and voice-ai-realtime share one embedded database with nothing installed.
 */
final class EmbeddedPostgresLauncher {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

	private EmbeddedPostgresLauncher() {
	}

	/**
	 * @param port fixed port to share, or 0 for a private server on a free port (tests)
	 * @param dataDirectory persistent data directory, or {@code null} for a throw-away one
	 */
	static EmbeddedDatabase startOrAttach(int port, Path dataDirectory) {
		if (port > 0 && isOurs(port, dataDirectory)) {
			logger.info("Using the embedded PostgreSQL already running on port {} (started by another voice-ai process)",
					port);
			return new EmbeddedDatabase(port, null);
		}
		try {
			return start(port, dataDirectory);
		}
		catch (IOException | IllegalStateException ex) {
			// Another process may have won a start race on the same port and directory.
			if (port > 0 && isOurs(port, dataDirectory)) {
				return new EmbeddedDatabase(port, null);
			}
			throw new IllegalStateException("Cannot start the embedded PostgreSQL on port " + port
					+ ". Set VOICE_AI_DB_HOST to use an existing database, or VOICE_AI_EMBEDDED_DB_PORT to pick a free port",
					ex);
		}
	}

	private static EmbeddedDatabase start(int port, Path dataDirectory) throws IOException {
		long started = System.nanoTime();
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setPGStartupWait(Duration.ofSeconds(30))
			.setServerConfig("listen_addresses", "localhost");
		if (port > 0) {
			builder.setPort(port);
		}
		if (dataDirectory != null) {
			Files.createDirectories(dataDirectory);
			// zonky starts PostgreSQL with fsync and synchronous_commit off, which suits a throw-away test database;
			// a persistent one holds conversations that must survive a power loss, so both go back on (a later -c
			// wins over zonky's -F on the command line).
			builder.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on");
		}
		EmbeddedPostgres postgres = builder.start();
		logger.info("Started embedded PostgreSQL on port {} with data in {} ({} ms)", postgres.getPort(),
				(dataDirectory != null) ? dataDirectory : "a temporary directory",
				Duration.ofNanos(System.nanoTime() - started).toMillis());
		return new EmbeddedDatabase(postgres.getPort(), postgres);
	}

	/** Whether an embedded server of ours answers on {@code port}, serving {@code dataDirectory} when given. */
	private static boolean isOurs(int port, Path dataDirectory) {
		Properties properties = new Properties();
		properties.setProperty("user", EmbeddedDatabase.USERNAME);
		properties.setProperty("password", EmbeddedDatabase.PASSWORD);
		properties.setProperty("connectTimeout", "2");
		String url = "jdbc:postgresql://localhost:" + port + "/" + EmbeddedDatabase.DATABASE;
		try (Connection connection = DriverManager.getConnection(url, properties);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT current_setting('data_directory')")) {
			if (dataDirectory == null || !result.next()) {
				return true;
			}
			return Files.isSameFile(Path.of(result.getString(1)), dataDirectory);
		}
		catch (SQLException ex) {
			return false;
		}
		catch (IOException ex) {
			// Our data directory does not exist (yet), so whatever answers on that port is not ours.
			return false;
		}
	}

}

package org.voiceai.database;

/**
 * Connection facts of the embedded PostgreSQL, whether this process started it or attached to the one another
 * voice-ai process started.
 *
 * @param port the TCP port on localhost
 * @param owner the running server when this process started it (closed on shutdown), else {@code null}
 */
public record EmbeddedDatabase(int port, AutoCloseable owner) {

	public static final String DATABASE = "postgres";

	public static final String USERNAME = "postgres";

	public static final String PASSWORD = "postgres";

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/" + DATABASE;
	}

	public String r2dbcUrl() {
		return "r2dbc:postgresql://localhost:" + this.port + "/" + DATABASE;
	}

	public boolean owned() {
		return this.owner != null;
	}

}

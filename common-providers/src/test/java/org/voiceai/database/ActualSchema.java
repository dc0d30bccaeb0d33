package org.voiceai.database;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;

/** Our tables as PostgreSQL has them, from {@code information_schema}: every {@code v_voice_*} table. */
final class ActualSchema {

	private ActualSchema() {
	}

	static Map<String, List<DeclaredSchema.Column>> read(DatabaseClient database) {
		Map<String, List<DeclaredSchema.Column>> tables = new LinkedHashMap<>();
		database.sql("""
				SELECT table_name, column_name, udt_name FROM information_schema.columns
				WHERE table_schema = 'public' AND table_name LIKE 'v\\_voice\\_%'
				ORDER BY table_name, ordinal_position
				""")
			.map((row, metadata) -> new String[] { row.get(0, String.class), row.get(1, String.class),
					row.get(2, String.class) })
			.all()
			.doOnNext((column) -> tables.computeIfAbsent(column[0], (table) -> new ArrayList<>())
				.add(new DeclaredSchema.Column(column[1], column[2])))
			.blockLast();
		return tables;
	}

}

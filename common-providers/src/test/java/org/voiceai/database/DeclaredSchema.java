package org.voiceai.database;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.testing.Php;

/**
 * The tables FusionPBX's {@code app_config.php} declares, read by including the file with php-cli, as FusionPBX's
 * own schema upgrade does. Columns are in declaration order, types are PostgreSQL's {@code udt_name}.
 */
record DeclaredSchema(Map<String, List<Column>> tables) {

	static final String APP_CONFIG = "fusionpbx-app/voice_secretary/app_config.php";

	record Column(String name, String type) {
	}

	static DeclaredSchema fromAppConfig() {
		String json = Php.run("include '" + APP_CONFIG + "'; echo json_encode($apps);");
		JsonNode apps = JsonMapper.builder().build().readTree(json);
		Map<String, List<Column>> tables = new LinkedHashMap<>();
		for (JsonNode app : apps) {
			for (JsonNode table : app.path("db")) {
				List<Column> columns = new ArrayList<>();
				for (JsonNode field : table.path("fields")) {
					JsonNode name = field.path("name");
					String columnName = name.isObject() ? name.path("text").asString() : name.asString();
					JsonNode type = field.path("type");
					String pgType = type.isObject() ? type.path("pgsql").asString() : type.asString();
					columns.add(new Column(columnName, udtName(pgType)));
				}
				tables.put(table.path("table").path("name").asString(), columns);
			}
		}
		return new DeclaredSchema(tables);
	}

	/** PostgreSQL's internal type name for a declared type, as {@code information_schema.columns.udt_name} says. */
	static String udtName(String declared) {
		String type = declared.trim().toLowerCase(Locale.ROOT);
		return switch (type) {
			case "integer", "int" -> "int4";
			case "bigint" -> "int8";
			case "boolean" -> "bool";
			case "timestamp with time zone" -> "timestamptz";
			default -> type;
		};
	}

	/** Every difference between this declaration and {@code actual}; empty when they agree column by column. */
	List<String> differencesFrom(Map<String, List<Column>> actual) {
		List<String> differences = new ArrayList<>();
		this.tables.forEach((table, declaredColumns) -> {
			List<Column> actualColumns = actual.get(table);
			if (actualColumns == null || actualColumns.isEmpty()) {
				differences.add(table + ": declared in app_config.php but not created by the migrations");
				return;
			}
			Map<String, String> actualTypes = types(actualColumns);
			Map<String, String> declaredTypes = types(declaredColumns);
			declaredTypes.forEach((column, type) -> {
				if (!actualTypes.containsKey(column)) {
					differences.add(table + "." + column + ": in app_config.php only");
				}
				else if (!actualTypes.get(column).equals(type)) {
					differences.add(table + "." + column + ": app_config.php says " + type + ", the migrations create "
							+ actualTypes.get(column));
				}
			});
			actualTypes.keySet()
				.stream()
				.filter((column) -> !declaredTypes.containsKey(column))
				.forEach((column) -> differences.add(table + "." + column + ": in the migrations only"));
		});
		actual.keySet()
			.stream()
			.filter((table) -> !this.tables.containsKey(table))
			.forEach((table) -> differences.add(table + ": created by the migrations but not declared in app_config.php"));
		return differences;
	}

	private static Map<String, String> types(List<Column> columns) {
		Map<String, String> types = new LinkedHashMap<>();
		columns.forEach((column) -> types.put(column.name(), column.type()));
		return types;
	}

}

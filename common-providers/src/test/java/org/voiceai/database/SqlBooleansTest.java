package org.voiceai.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** FusionPBX booleans read as text ('true'/'false', 't'/'f'). */
class SqlBooleansTest {

	@ParameterizedTest
	@ValueSource(strings = { "t", "true", "TRUE", "True", "1", "yes", "ON", " true ", "t\n" })
	void trueSpellingsAreTrue(String text) {
		assertThat(SqlBooleans.parse(text, false)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "f", "false", "FALSE", "0", "no", "off" })
	void falseSpellingsAreFalseWhateverTheDefault(String text) {
		assertThat(SqlBooleans.parse(text, true)).isFalse();
		assertThat(SqlBooleans.parse(text, false)).isFalse();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t\n" })
	void nullOrBlankGivesTheDefault(String text) {
		assertThat(SqlBooleans.parse(text, true)).isTrue();
		assertThat(SqlBooleans.parse(text, false)).isFalse();
	}

	@Test
	void unrecognizedTextIsFalseNotTheDefault() {
		assertThat(SqlBooleans.parse("enabled", true)).isFalse();
		assertThat(SqlBooleans.parse("2", true)).isFalse();
	}

}

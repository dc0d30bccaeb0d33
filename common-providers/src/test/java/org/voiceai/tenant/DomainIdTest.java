package org.voiceai.tenant;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** Domain (tenant) identifiers parsed from headers, URLs and channel variables. */
class DomainIdTest {

	static final String TEXT = "7c0f5e2a-1b4e-4c1d-9a3f-2b6d8e0a1c55";

	@Test
	void parsesACanonicalUuid() {
		DomainId domain = DomainId.parse(TEXT);

		assertThat(domain.value()).isEqualTo(UUID.fromString(TEXT));
		assertThat(domain).hasToString(TEXT);
	}

	@Test
	void parsesUpperCaseAndSurroundingWhitespaceToTheSameDomain() {
		assertThat(DomainId.parse("  " + TEXT.toUpperCase() + "\n")).isEqualTo(DomainId.parse(TEXT))
			.hasToString(TEXT);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "\t" })
	void blankIsRequired(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> DomainId.parse(text))
			.withMessage("domain_uuid is required");
	}

	@Test
	void garbageIsNamedInTheMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> DomainId.parse("not-a-uuid"))
			.withMessage("domain_uuid is not a UUID: 'not-a-uuid'");
	}

	@Test
	void uuidWithExtraCharactersIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> DomainId.parse(TEXT + "0"))
			.withMessageStartingWith("domain_uuid is not a UUID: '");
	}

	@Test
	void longGarbageIsAbbreviatedToFortyCharacters() {
		String text = "x".repeat(40) + "TAIL-THAT-MUST-NOT-APPEAR";

		assertThatIllegalArgumentException().isThrownBy(() -> DomainId.parse(text))
			.withMessage("domain_uuid is not a UUID: '" + "x".repeat(40) + "…'")
			.withMessageNotContaining("TAIL");
	}

	@Test
	void garbageOfExactlyFortyCharactersIsShownWhole() {
		String text = "y".repeat(40);

		assertThatIllegalArgumentException().isThrownBy(() -> DomainId.parse(text))
			.withMessage("domain_uuid is not a UUID: '" + text + "'");
	}

	@Test
	void shortFormsThatJavaWouldAcceptAreRejected() {
		assertThatThrownBy(() -> DomainId.parse("1-2-3-4-5")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("domain_uuid is not a UUID: '1-2-3-4-5'");
	}

	@Test
	void nullValueIsRejected() {
		assertThatNullPointerException().isThrownBy(() -> new DomainId(null)).withMessage("domain_uuid");
	}

}

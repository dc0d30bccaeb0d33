<?php

use PHPUnit\Framework\TestCase;

//FusionPBX provides permission_exists(); the pages' helper asks it which links to show.
if (!function_exists('permission_exists')) {
	function permission_exists($name) {
		return in_array($name, $GLOBALS['test_permissions'] ?? [], true);
	}
}

/** Records the queries a helper runs and answers with canned rows, like FusionPBX's database->select(). */
final class recording_database {
	public $queries = [];
	private $answer;
	public function __construct($answer) { $this->answer = $answer; }
	public function select($sql, $parameters = [], $return_type = 'all') {
		$this->queries[] = [$sql, $parameters, $return_type];
		return $this->answer;
	}
}

final class AdminTest extends TestCase {

	const domain = '4d7c0e0a-7f5b-4b5e-9a3c-1f2e3d4c5b6a';

	public function test_form_helpers_escape_every_value(): void {
		$evil = "\"'><script>alert(1)</script>";
		$html = voice_ai_admin::row($evil, voice_ai_admin::input('name', $evil, 'text', $evil), true, $evil, $evil)
			.voice_ai_admin::textarea('t', $evil).voice_ai_admin::select('s', [$evil => $evil], $evil, $evil)
			.voice_ai_admin::token_input(['name' => $evil, 'hash' => $evil]);
		$this->assertStringNotContainsString('<script>', $html);
		$this->assertStringNotContainsString("\"'>", $html);
		//label, value, placeholder, help, error; textarea; empty option, option value and label; token name and value
		$this->assertSame(11, substr_count($html, '&lt;script&gt;alert(1)&lt;/script&gt;'));
		$this->assertStringContainsString("selected='selected'", voice_ai_admin::select('s', ['a' => 'A', 'b' => 'B'], 'b'));
		$this->assertStringContainsString("<option value=\"true\" selected='selected'>", voice_ai_admin::boolean('b', 't', []));
	}

	public function test_the_validator_speaks_the_page_language(): void {
		$validator = voice_ai_admin::validator(['message-invalid_required' => '%s é obrigatório.', 'message-invalid_integer' => '']);
		$validator->text('n', 'Nome', '', true);
		$validator->integer('i', 'Turnos', 'x', 1, 2);
		$this->assertSame(['n' => 'Nome é obrigatório.', 'i' => 'Turnos must be a whole number from 1 to 2.'], $validator->errors());
	}

	public function test_ownership_is_checked_with_the_domain_and_malformed_ids_never_reach_the_database(): void {
		$database = new recording_database('1');
		$this->assertTrue(voice_ai_admin::owns($database, 'v_voice_secretaries', 'voice_secretary_uuid', '0f8fad5b-d9cb-469f-a165-70867728950e', self::domain));
		$this->assertSame(['uuid' => '0f8fad5b-d9cb-469f-a165-70867728950e', 'domain_uuid' => self::domain], $database->queries[0][1]);
		$this->assertStringContainsString('domain_uuid = :domain_uuid', $database->queries[0][0]);
		$this->assertFalse(voice_ai_admin::owns(new recording_database('0'), 'v_voice_secretaries', 'voice_secretary_uuid', '0f8fad5b-d9cb-469f-a165-70867728950e', self::domain));
		$untouched = new recording_database('1');
		$this->assertFalse(voice_ai_admin::owns($untouched, 'v_voice_secretaries', 'voice_secretary_uuid', "x' or '1'='1", self::domain));
		$this->assertFalse(voice_ai_admin::owns($untouched, 'v_voice_secretaries', 'voice_secretary_uuid', ['array'], self::domain));
		$this->assertSame([], $untouched->queries);
	}

	public function test_provider_choices_are_the_domain_rows_of_one_type(): void {
		$database = new recording_database([
			['voice_ai_provider_uuid' => 'u1', 'provider_name' => 'deepgram', 'display_name' => 'Deepgram BR'],
			['voice_ai_provider_uuid' => 'u2', 'provider_name' => 'whisper_api', 'display_name' => null],
		]);
		$this->assertSame(['u1' => 'Deepgram BR (deepgram)', 'u2' => 'whisper_api (whisper_api)'], voice_ai_admin::providers($database, self::domain, 'stt'));
		$this->assertSame(['domain_uuid' => self::domain, 'provider_type' => 'stt'], $database->queries[0][1]);
		$this->assertSame([], voice_ai_admin::providers(new recording_database(false), self::domain, 'stt'));
	}

	public function test_navigation_shows_only_permitted_pages(): void {
		$GLOBALS['test_permissions'] = ['voice_secretary_view', 'voice_document_view'];
		$nav = voice_ai_admin::nav(['title-secretaries' => 'Secretárias', 'title-documents' => 'Base <KB>'], 'documents');
		$this->assertStringContainsString("<a href='secretaries.php'>Secretárias</a>", $nav);
		$this->assertStringContainsString('<b>Base &lt;KB&gt;</b>', $nav);
		$this->assertStringNotContainsString('providers.php', $nav);
		$this->assertStringNotContainsString('conversations.php', $nav);
		unset($GLOBALS['test_permissions']);
	}

}

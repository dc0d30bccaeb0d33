<?php

use PHPUnit\Framework\TestCase;

final class ValidatorTest extends TestCase {

	public function test_text_is_trimmed_empty_is_null_and_required_is_reported(): void {
		$v = new voice_ai_validator();
		$this->assertSame('Ana', $v->text('name', 'Name', '  Ana  ', true));
		$this->assertNull($v->text('note', 'Note', '   '));
		$this->assertTrue($v->valid());
		$this->assertNull($v->text('secretary_name', 'Name', '', true));
		$this->assertSame(['secretary_name' => 'Name is required.'], $v->errors());
	}

	public function test_translated_formats_replace_the_english_ones(): void {
		$v = new voice_ai_validator(['required' => '%s é obrigatório.']);
		$v->text('name', 'Nome', null, true);
		$this->assertSame(['name' => 'Nome é obrigatório.'], $v->errors());
	}

	public function test_integers_must_be_whole_and_within_range(): void {
		$v = new voice_ai_validator();
		$this->assertSame(20, $v->integer('max_turns', 'Max turns', ' 20 ', 1, 200));
		$this->assertNull($v->integer('a', 'A', '2.5', 1, 200));
		$this->assertNull($v->integer('b', 'B', '0', 1, 200));
		$this->assertNull($v->integer('c', 'C', '99999999999', 1, 200));
		$this->assertNull($v->integer('d', 'D', '1e3', 1, 2000));
		$this->assertNull($v->integer('e', 'E', '', 1, 200));
		$this->assertSame(['a', 'b', 'c', 'd'], array_keys($v->errors()));
		$this->assertSame('A must be a whole number from 1 to 200.', $v->errors()['a']);
	}

	public function test_decimals_accept_a_comma_and_stay_text_for_numeric_columns(): void {
		$v = new voice_ai_validator();
		$this->assertSame('0.5', $v->decimal('t', 'Temperature', '0,5', 0, 2));
		$this->assertSame('1', $v->decimal('s', 'Speed', '1', 0.25, 4));
		$this->assertNull($v->decimal('x', 'X', '2.1', 0, 2));
		$this->assertNull($v->decimal('y', 'Y', 'abc', 0, 2));
		$this->assertSame(['x', 'y'], array_keys($v->errors()));
	}

	public function test_choices_booleans_and_uuids(): void {
		$v = new voice_ai_validator();
		$this->assertSame('realtime', $v->choice('mode', 'Mode', 'realtime', ['turn_based', 'realtime', 'auto'], true));
		$this->assertNull($v->choice('mode2', 'Mode', "realtime' or 1=1", ['turn_based', 'realtime'], true));
		$this->assertSame('true', $v->boolean('true'));
		$this->assertSame('true', $v->boolean('on'));
		$this->assertSame('false', $v->boolean(null));
		$this->assertSame('false', $v->boolean(['true']));
		$this->assertSame('0f8fad5b-d9cb-469f-a165-70867728950e', $v->uuid('u', 'U', '0F8FAD5B-D9CB-469F-A165-70867728950E'));
		$this->assertNull($v->uuid('bad', 'U', '0f8fad5b-d9cb-469f-a165-70867728950e; drop table'));
		$this->assertSame(['mode2', 'bad'], array_keys($v->errors()));
	}

	public function test_urls_must_be_http_with_a_host(): void {
		$v = new voice_ai_validator();
		$this->assertSame('https://hooks.example.com/x?y=1', $v->url('w', 'Webhook', 'https://hooks.example.com/x?y=1'));
		$this->assertNull($v->url('a', 'Webhook', 'javascript:alert(1)'));
		$this->assertNull($v->url('b', 'Webhook', 'file:///etc/passwd'));
		$this->assertNull($v->url('c', 'Webhook', 'http://'));
		$this->assertSame(['a', 'b', 'c'], array_keys($v->errors()));
	}

	public function test_json_objects_and_lists(): void {
		$v = new voice_ai_validator();
		$this->assertSame('{}', $v->json_object('j', 'J', ''));
		$this->assertSame('{"a":1,"b":"ç"}', $v->json_object('j', 'J', "{\n \"a\": 1, \"b\": \"ç\"}"));
		$this->assertNull($v->json_object('k', 'K', '[1,2]'));
		$this->assertNull($v->json_object('l', 'L', '{broken'));
		$this->assertSame(['k', 'l'], array_keys($v->errors()));
		$this->assertSame('["financeiro","contas a pagar"]', $v->list_as_json("financeiro, contas a pagar\nfinanceiro,,"));
		$this->assertSame('[]', $v->list_as_json(''));
	}

	public function test_working_hours_in_the_format_the_java_side_reads(): void {
		$v = new voice_ai_validator();
		$this->assertNull($v->working_hours('wh', 'Hours', [], '', '', 'America/Sao_Paulo'));
		$this->assertSame('{"days":["mon","fri"],"start":"08:00","end":"18:00","timezone":"America/Sao_Paulo"}',
			$v->working_hours('wh', 'Hours', ['fri', 'mon', 'xyz'], '08:00', '18:00', 'America/Sao_Paulo'));
		$this->assertTrue($v->valid());
		$this->assertNull($v->working_hours('a', 'Hours', ['mon'], '8h', '18:00', 'UTC'));
		$this->assertNull($v->working_hours('b', 'Hours', [], '08:00', '18:00', 'UTC'));
		$this->assertNull($v->working_hours('c', 'Hours', ['mon'], '08:00', '18:00', 'Mars/Olympus'));
		$this->assertSame(['a', 'b', 'c'], array_keys($v->errors()));
	}

}

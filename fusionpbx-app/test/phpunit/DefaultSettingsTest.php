<?php

use PHPUnit\Framework\TestCase;

/**
 * Every setting the FreeSWITCH scripts read (freeswitch/scripts/lib/config.lua) is declared in app_config.php, so
 * FusionPBX creates it under Default Settings > voice_secretary with the scripts' own default and type, and
 * docs/freeswitch.md's settings table says the same.
 */
final class DefaultSettingsTest extends TestCase {

	private static function root(): string {
		return dirname(__DIR__, 3);
	}

	/** @return array subcategory => [name (type), value, uuid, description] from app_config.php */
	private static function declared(): array {
		$x = 0;
		$apps = [];
		include self::root().'/fusionpbx-app/voice_secretary/app_config.php';
		$declared = [];
		foreach ($apps[0]['default_settings'] as $setting) {
			self::assertSame('voice_secretary', $setting['default_setting_category']);
			$declared[$setting['default_setting_subcategory']] = [$setting['default_setting_name'], $setting['default_setting_value'],
				$setting['default_setting_uuid'], $setting['default_setting_description']];
		}
		return $declared;
	}

	/** @return array [subcategories read, defaults, numeric subcategories] from config.lua */
	private static function lua(): array {
		$lua = file_get_contents(self::root().'/freeswitch/scripts/lib/config.lua');
		self::assertSame(1, preg_match('/for _, subcategory in ipairs\(\{([^}]*)\}\)/', $lua, $list), 'config.lua reads its settings in one ipairs list');
		preg_match_all('/"([a-z_]+)"/', $list[1], $read);
		self::assertSame(1, preg_match('/local defaults = \{(.*?)\n\}/s', $lua, $table));
		preg_match_all('/^\s*([a-z_]+) = "([^"]*)",/m', $table[1], $pairs, PREG_SET_ORDER);
		$defaults = [];
		foreach ($pairs as $pair) {
			$defaults[$pair[1]] = $pair[2];
		}
		self::assertSame(1, preg_match('/local numeric = \{([^}]*)\}/', $lua, $numeric_table));
		preg_match_all('/([a-z_]+) = true/', $numeric_table[1], $numeric);
		return [$read[1], $defaults, $numeric[1]];
	}

	public function test_config_lua_is_parsed(): void {
		[$read, $defaults, $numeric] = self::lua();
		$this->assertContains('service_url', $read);
		$this->assertContains('fallback_sound', $read);
		$this->assertSame('ws://127.0.0.1:8080', $defaults['realtime_url']);
		$this->assertContains('http_timeout', $numeric);
	}

	public function test_every_setting_the_scripts_read_is_declared_with_their_default_and_type(): void {
		[$read, $defaults, $numeric] = self::lua();
		$declared = self::declared();
		foreach ($read as $subcategory) {
			$this->assertArrayHasKey($subcategory, $declared, "config.lua reads voice_secretary/$subcategory: app_config.php must declare it");
			[$type, $value, , $description] = $declared[$subcategory];
			$this->assertSame($defaults[$subcategory] ?? '', $value, "default of $subcategory");
			$this->assertSame(in_array($subcategory, $numeric, true) ? 'numeric' : 'text', $type, "type of $subcategory");
			$this->assertNotSame('', trim($description), "description of $subcategory");
		}
	}

	public function test_setting_uuids_are_unique_uuids(): void {
		$uuids = array_column(self::declared(), 2);
		$this->assertSame($uuids, array_unique($uuids));
		foreach ($uuids as $uuid) {
			$this->assertMatchesRegularExpression('/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/', $uuid);
		}
	}

	public function test_the_freeswitch_guide_documents_the_same_defaults(): void {
		[$read, $defaults] = self::lua();
		$guide = file_get_contents(self::root().'/docs/freeswitch.md');
		foreach ($read as $subcategory) {
			$expected = isset($defaults[$subcategory]) ? '`'.$defaults[$subcategory].'`' : '(none)';
			$this->assertMatchesRegularExpression('/^\| `'.$subcategory.'`( \(numeric\))? \| '.preg_quote($expected, '/').' \|/m', $guide, "docs/freeswitch.md row of $subcategory");
		}
	}

}

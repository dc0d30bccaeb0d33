<?php
//Test double of FusionPBX's settings class: default settings of the apps' app_config.php, overridden by
//environment variables VOICE_AI_TEST_SETTING_<subcategory> (the page test points them at the service under test).

	class settings {

		private $values = [];

		public function __construct() {
			foreach (glob(dirname(__DIR__, 2).'/app/*/app_config.php') as $app_config) {
				$x = 0;
				$apps = [];
				include $app_config;
				foreach ($apps[0]['default_settings'] ?? [] as $setting) {
					$this->values[$setting['default_setting_category']][$setting['default_setting_subcategory']] = $setting['default_setting_value'];
				}
			}
		}

		public function get($category, $subcategory, $default = null) {
			$override = getenv('VOICE_AI_TEST_SETTING_'.$subcategory);
			if ($override !== false) {
				return $override;
			}
			$value = $this->values[$category][$subcategory] ?? null;
			return ($value === null || $value === '') ? $default : $value;
		}

	}

?>

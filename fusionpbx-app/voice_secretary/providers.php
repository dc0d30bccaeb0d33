<?php
/*
	Voice Secretary: the domain's AI providers (speech-to-text, text-to-speech, chat model, embeddings, realtime).
*/

//includes files
	require_once dirname(__DIR__, 2) . "/resources/require.php";
	require_once "resources/check_auth.php";

//the domain comes from the session only, never from the request
	$domain_uuid = $_SESSION['domain_uuid'];

//check permissions
	if (!permission_exists('voice_ai_provider_view')) {
		echo "access denied";
		exit;
	}

//add multi-lingual support
	$language = new text;
	$text = $language->get();

//name the app in FusionPBX's transaction log of saves and deletes
	$database->app_name = voice_ai_admin::app_name;
	$database->app_uuid = voice_ai_admin::app_uuid;

//delete the checked rows: only rows of the session's domain
	if ($_SERVER['REQUEST_METHOD'] == 'POST' && ($_POST['action'] ?? '') == 'delete') {
		$token = new token;
		if (!$token->validate($_SERVER['PHP_SELF'])) {
			message::add($text['message-invalid_token'], 'negative');
			header('Location: providers.php');
			exit;
		}
		if (!permission_exists('voice_ai_provider_delete')) {
			echo "access denied";
			exit;
		}
		$deleted = 0;
		foreach ((array) ($_POST['voice_ai_providers'] ?? []) as $row) {
			$uuid = $row['uuid'] ?? null;
			if (empty($row['checked']) || !voice_ai_admin::owns($database, 'v_voice_ai_providers', 'voice_ai_provider_uuid', $uuid, $domain_uuid)) {
				continue;
			}
			//FusionPBX creates no foreign keys: secretaries using the provider fall back to the domain default
			foreach (['stt', 'tts', 'llm', 'embeddings', 'realtime'] as $type) {
				$database->execute("update v_voice_secretaries set ".$type."_provider_uuid = null where ".$type."_provider_uuid = :uuid and domain_uuid = :domain_uuid",
					['uuid' => $uuid, 'domain_uuid' => $domain_uuid]);
			}
			$array['voice_ai_providers'][0]['voice_ai_provider_uuid'] = $uuid;
			$array['voice_ai_providers'][0]['domain_uuid'] = $domain_uuid;
			$database->delete($array);
			unset($array);
			$deleted++;
		}
		if ($deleted > 0) {
			message::add($text['message-delete']);
		}
		header('Location: providers.php');
		exit;
	}

//get the rows of the domain (config is never selected: it holds the secrets)
	$type_filter = in_array($_GET['provider_type'] ?? '', voice_ai_provider_fields::types, true) ? $_GET['provider_type'] : '';
	$sql = "select voice_ai_provider_uuid, provider_type, provider_name, display_name, cast(is_default as text) as is_default, ";
	$sql .= "priority, rate_limit_rpm, cast(enabled as text) as enabled, description from v_voice_ai_providers where domain_uuid = :domain_uuid ";
	$parameters['domain_uuid'] = $domain_uuid;
	if ($type_filter !== '') {
		$sql .= "and provider_type = :provider_type ";
		$parameters['provider_type'] = $type_filter;
	}
	$sql .= "order by provider_type asc, is_default desc, priority asc, display_name asc limit 500";
	$providers = $database->select($sql, $parameters, 'all');
	unset($sql, $parameters);

//create token
	$object = new token;
	$token = $object->create($_SERVER['PHP_SELF']);

//include the header
	$document['title'] = $text['title-providers'];
	require_once "resources/header.php";

//show the content
	echo voice_ai_admin::nav($text, 'providers');
	echo "<div class='action_bar' id='action_bar'>\n";
	echo "	<div class='heading'><b>".escape($text['title-providers'])."</b> (".count(is_array($providers) ? $providers : []).")</div>\n";
	echo "	<div class='actions'>\n";
	echo "		<form method='get' style='display:inline'>";
	$type_options = [];
	foreach (voice_ai_provider_fields::types as $type) {
		$type_options[$type] = $text['option-type_'.$type];
	}
	echo voice_ai_admin::select('provider_type', $type_options, $type_filter, $text['option-all_types']);
	echo button::create(['type' => 'submit', 'label' => escape($text['button-filter']), 'id' => 'btn_filter']);
	echo "</form>\n";
	if (permission_exists('voice_ai_provider_add')) {
		echo button::create(['type' => 'button', 'label' => escape($text['button-add']), 'id' => 'btn_add', 'link' => 'provider_edit.php']);
	}
	echo "	</div>\n";
	echo "</div>\n";
	echo escape($text['description-providers'])."\n<br><br>\n";

	echo "<form id='form_list' method='post'>\n";
	echo voice_ai_admin::token_input($token)."\n";
	if (permission_exists('voice_ai_provider_delete') && $providers) {
		echo "<div style='text-align:right;margin-bottom:6px'>".button::create(['type' => 'submit', 'label' => escape($text['button-delete_checked']), 'id' => 'btn_delete', 'name' => 'action', 'value' => 'delete', 'onclick' => "return confirm('".escape($text['confirm-delete'])."');"])."</div>\n";
	}
	echo "<table class='list' id='providers'>\n";
	echo "<tr class='list-header'>\n";
	if (permission_exists('voice_ai_provider_delete')) {
		echo "	<th class='checkbox'></th>\n";
	}
	foreach (['provider_type', 'display_name', 'provider_name', 'is_default', 'priority', 'rate_limit_rpm', 'enabled', 'description'] as $column) {
		echo "	<th>".escape($text['label-'.$column])."</th>\n";
	}
	echo "</tr>\n";
	if (is_array($providers)) {
		foreach ($providers as $x => $row) {
			echo "<tr class='list-row'>\n";
			if (permission_exists('voice_ai_provider_delete')) {
				echo "	<td class='checkbox'><input type='checkbox' name='voice_ai_providers[".$x."][checked]' value='true'>";
				echo "<input type='hidden' name='voice_ai_providers[".$x."][uuid]' value='".escape($row['voice_ai_provider_uuid'])."'></td>\n";
			}
			echo "	<td>".escape($text['option-type_'.$row['provider_type']] ?? $row['provider_type'])."</td>\n";
			echo "	<td><a href='provider_edit.php?id=".urlencode($row['voice_ai_provider_uuid'])."'>".escape($row['display_name'] ?: $row['provider_name'])."</a></td>\n";
			echo "	<td>".escape($row['provider_name'])."</td>\n";
			echo "	<td>".escape($row['is_default'] == 'true' ? $text['label-true'] : '')."</td>\n";
			echo "	<td>".escape($row['priority'])."</td>\n";
			echo "	<td>".escape($row['rate_limit_rpm'])."</td>\n";
			echo "	<td>".escape($row['enabled'] == 'true' ? $text['label-true'] : $text['label-false'])."</td>\n";
			echo "	<td>".escape($row['description'])."</td>\n";
			echo "</tr>\n";
		}
	}
	echo "</table>\n";
	echo "</form>\n";

//include the footer
	require_once "resources/footer.php";

?>

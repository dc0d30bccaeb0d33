<?php
/*
	Voice Secretary: where the secretary may transfer callers (extensions, ring groups, queues, voicemail, external numbers).
*/

//includes files
	require_once dirname(__DIR__, 2) . "/resources/require.php";
	require_once "resources/check_auth.php";

//the domain comes from the session only, never from the request
	$domain_uuid = $_SESSION['domain_uuid'];

//check permissions
	if (!permission_exists('voice_transfer_destination_view')) {
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
			header('Location: transfer_destinations.php');
			exit;
		}
		if (!permission_exists('voice_transfer_destination_delete')) {
			echo "access denied";
			exit;
		}
		$deleted = 0;
		foreach ((array) ($_POST['voice_transfer_destinations'] ?? []) as $row) {
			$uuid = $row['uuid'] ?? null;
			if (empty($row['checked']) || !voice_ai_admin::owns($database, 'v_voice_transfer_destinations', 'voice_transfer_destination_uuid', $uuid, $domain_uuid)) {
				continue;
			}
			$array['voice_transfer_destinations'][0]['voice_transfer_destination_uuid'] = $uuid;
			$array['voice_transfer_destinations'][0]['domain_uuid'] = $domain_uuid;
			$database->delete($array);
			unset($array);
			$deleted++;
		}
		if ($deleted > 0) {
			message::add($text['message-delete']);
		}
		header('Location: transfer_destinations.php');
		exit;
	}

//get the rows of the domain
	$sql = "select d.voice_transfer_destination_uuid, d.name, d.aliases, d.destination_type, d.destination_number, d.department, ";
	$sql .= "d.working_hours, d.priority, cast(d.is_default as text) as is_default, cast(d.enabled as text) as enabled, s.secretary_name ";
	$sql .= "from v_voice_transfer_destinations d left join v_voice_secretaries s on s.voice_secretary_uuid = d.secretary_uuid and s.domain_uuid = d.domain_uuid ";
	$sql .= "where d.domain_uuid = :domain_uuid order by d.priority asc, d.name asc limit 500";
	$destinations = $database->select($sql, ['domain_uuid' => $domain_uuid], 'all');

//create token
	$object = new token;
	$token = $object->create($_SERVER['PHP_SELF']);

//include the header
	$document['title'] = $text['title-transfer_destinations'];
	require_once "resources/header.php";

//show the content
	echo voice_ai_admin::nav($text, 'transfer_destinations');
	echo "<div class='action_bar' id='action_bar'>\n";
	echo "	<div class='heading'><b>".escape($text['title-transfer_destinations'])."</b> (".count(is_array($destinations) ? $destinations : []).")</div>\n";
	echo "	<div class='actions'>\n";
	if (permission_exists('voice_transfer_destination_add')) {
		echo button::create(['type' => 'button', 'label' => escape($text['button-add']), 'id' => 'btn_add', 'link' => 'transfer_destination_edit.php']);
	}
	echo "	</div>\n";
	echo "</div>\n";
	echo escape($text['description-transfer_destinations'])."\n<br><br>\n";

	echo "<form id='form_list' method='post'>\n";
	echo voice_ai_admin::token_input($token)."\n";
	if (permission_exists('voice_transfer_destination_delete') && $destinations) {
		echo "<div style='text-align:right;margin-bottom:6px'>".button::create(['type' => 'submit', 'label' => escape($text['button-delete_checked']), 'id' => 'btn_delete', 'name' => 'action', 'value' => 'delete', 'onclick' => "return confirm('".escape($text['confirm-delete'])."');"])."</div>\n";
	}
	echo "<table class='list' id='transfer_destinations'>\n";
	echo "<tr class='list-header'>\n";
	if (permission_exists('voice_transfer_destination_delete')) {
		echo "	<th class='checkbox'></th>\n";
	}
	foreach (['name', 'aliases', 'destination_type', 'destination_number', 'department', 'secretary', 'working_hours', 'is_default', 'enabled'] as $column) {
		echo "	<th>".escape($text['label-'.$column])."</th>\n";
	}
	echo "</tr>\n";
	if (is_array($destinations)) {
		foreach ($destinations as $x => $row) {
			$aliases = json_decode((string) $row['aliases'], true);
			$hours = json_decode((string) $row['working_hours'], true);
			$hours_text = is_array($hours) ? implode(', ', array_map(function ($day) use ($text) { return $text['label-day_'.$day] ?? $day; }, (array) ($hours['days'] ?? []))).' '.($hours['start'] ?? '').'–'.($hours['end'] ?? '') : $text['label-always'];
			echo "<tr class='list-row'>\n";
			if (permission_exists('voice_transfer_destination_delete')) {
				echo "	<td class='checkbox'><input type='checkbox' name='voice_transfer_destinations[".$x."][checked]' value='true'>";
				echo "<input type='hidden' name='voice_transfer_destinations[".$x."][uuid]' value='".escape($row['voice_transfer_destination_uuid'])."'></td>\n";
			}
			echo "	<td><a href='transfer_destination_edit.php?id=".urlencode($row['voice_transfer_destination_uuid'])."'>".escape($row['name'])."</a></td>\n";
			echo "	<td>".escape(is_array($aliases) ? implode(', ', $aliases) : '')."</td>\n";
			echo "	<td>".escape($text['option-'.$row['destination_type']] ?? $row['destination_type'])."</td>\n";
			echo "	<td>".escape($row['destination_number'])."</td>\n";
			echo "	<td>".escape($row['department'])."</td>\n";
			echo "	<td>".escape($row['secretary_name'] ?? $text['option-all_secretaries'])."</td>\n";
			echo "	<td>".escape($hours_text)."</td>\n";
			echo "	<td>".escape($row['is_default'] == 'true' ? $text['label-true'] : '')."</td>\n";
			echo "	<td>".escape($row['enabled'] == 'true' ? $text['label-true'] : $text['label-false'])."</td>\n";
			echo "</tr>\n";
		}
	}
	echo "</table>\n";
	echo "</form>\n";

//include the footer
	require_once "resources/footer.php";

?>

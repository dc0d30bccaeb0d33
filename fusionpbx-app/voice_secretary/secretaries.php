<?php
/*
	Voice Secretary: list of the domain's AI secretaries (add, edit, delete).
*/

//includes files
	require_once dirname(__DIR__, 2) . "/resources/require.php";
	require_once "resources/check_auth.php";

//the domain comes from the session only, never from the request
	$domain_uuid = $_SESSION['domain_uuid'];

//check permissions
	if (!permission_exists('voice_secretary_view')) {
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
			header('Location: secretaries.php');
			exit;
		}
		if (!permission_exists('voice_secretary_delete')) {
			echo "access denied";
			exit;
		}
		$deleted = 0;
		foreach ((array) ($_POST['voice_secretaries'] ?? []) as $row) {
			$uuid = $row['uuid'] ?? null;
			if (empty($row['checked']) || !voice_ai_admin::owns($database, 'v_voice_secretaries', 'voice_secretary_uuid', $uuid, $domain_uuid)) {
				continue;
			}
			//FusionPBX creates no foreign keys: do what the schema's ON DELETE rules do
			$parameters = ['uuid' => $uuid, 'domain_uuid' => $domain_uuid];
			$database->execute("delete from v_voice_transfer_destinations where secretary_uuid = :uuid and domain_uuid = :domain_uuid", $parameters);
			$database->execute("update v_voice_documents set voice_secretary_uuid = null where voice_secretary_uuid = :uuid and domain_uuid = :domain_uuid", $parameters);
			$database->execute("update v_voice_conversations set voice_secretary_uuid = null where voice_secretary_uuid = :uuid and domain_uuid = :domain_uuid", $parameters);
			$array['voice_secretaries'][0]['voice_secretary_uuid'] = $uuid;
			$array['voice_secretaries'][0]['domain_uuid'] = $domain_uuid;
			$database->delete($array);
			unset($array);
			$deleted++;
		}
		if ($deleted > 0) {
			message::add($text['message-delete']);
		}
		header('Location: secretaries.php');
		exit;
	}

//get the rows of the domain
	$order_by = preg_replace('/[^a-z_]/', '', $_GET['order_by'] ?? '');
	if (!in_array($order_by, ['secretary_name', 'company_name', 'extension', 'processing_mode', 'language', 'enabled'], true)) {
		$order_by = 'secretary_name';
	}
	$order = (($_GET['order'] ?? '') == 'desc') ? 'desc' : 'asc';
	$search = trim((string) ($_GET['search'] ?? ''));
	$sql = "select voice_secretary_uuid, secretary_name, company_name, extension, processing_mode, language, ";
	$sql .= "cast(enabled as text) as enabled, description from v_voice_secretaries where domain_uuid = :domain_uuid ";
	$parameters['domain_uuid'] = $domain_uuid;
	if ($search !== '') {
		$sql .= "and (lower(secretary_name) like :search or lower(company_name) like :search or extension like :search or lower(description) like :search) ";
		$parameters['search'] = '%'.mb_strtolower($search).'%';
	}
	$sql .= "order by ".$order_by." ".$order." limit 500";
	$secretaries = $database->select($sql, $parameters, 'all');
	unset($sql, $parameters);

//create token
	$object = new token;
	$token = $object->create($_SERVER['PHP_SELF']);

//include the header
	$document['title'] = $text['title-secretaries'];
	require_once "resources/header.php";

//show the content
	echo voice_ai_admin::nav($text, 'secretaries');
	echo "<div class='action_bar' id='action_bar'>\n";
	echo "	<div class='heading'><b>".escape($text['title-secretaries'])."</b> (".count(is_array($secretaries) ? $secretaries : []).")</div>\n";
	echo "	<div class='actions'>\n";
	echo "		<form id='form_search' class='inline' method='get' style='display:inline'>\n";
	echo "			<input type='text' class='txt list-search' name='search' id='search' value=\"".escape($search)."\" placeholder=\"".escape($text['label-search'])."\">\n";
	echo button::create(['type' => 'submit', 'label' => escape($text['button-search']), 'id' => 'btn_search']);
	echo "		</form>\n";
	if (permission_exists('voice_secretary_add')) {
		echo button::create(['type' => 'button', 'label' => escape($text['button-add']), 'id' => 'btn_add', 'link' => 'secretary_edit.php']);
	}
	echo "	</div>\n";
	echo "</div>\n";
	echo escape($text['description-secretaries'])."\n<br><br>\n";

	echo "<form id='form_list' method='post'>\n";
	echo "<input type='hidden' name='".escape($token['name'])."' value='".escape($token['hash'])."'>\n";
	if (permission_exists('voice_secretary_delete') && $secretaries) {
		echo "<div style='text-align:right;margin-bottom:6px'>".button::create(['type' => 'submit', 'label' => escape($text['button-delete_checked']), 'id' => 'btn_delete', 'name' => 'action', 'value' => 'delete', 'onclick' => "return confirm('".escape($text['confirm-delete'])."');"])."</div>\n";
	}
	echo "<table class='list' id='secretaries'>\n";
	echo "<tr class='list-header'>\n";
	if (permission_exists('voice_secretary_delete')) {
		echo "	<th class='checkbox'></th>\n";
	}
	foreach (['secretary_name', 'company_name', 'extension', 'processing_mode', 'language', 'enabled'] as $column) {
		$next = ($order_by == $column && $order == 'asc') ? 'desc' : 'asc';
		echo "	<th><a href='?order_by=".$column."&amp;order=".$next."&amp;search=".urlencode($search)."'>".escape($text['label-'.$column])."</a></th>\n";
	}
	echo "	<th>".escape($text['label-description'])."</th>\n";
	echo "</tr>\n";
	if (is_array($secretaries)) {
		foreach ($secretaries as $x => $row) {
			$edit = "secretary_edit.php?id=".urlencode($row['voice_secretary_uuid']);
			echo "<tr class='list-row'>\n";
			if (permission_exists('voice_secretary_delete')) {
				echo "	<td class='checkbox'><input type='checkbox' name='voice_secretaries[".$x."][checked]' value='true'>";
				echo "<input type='hidden' name='voice_secretaries[".$x."][uuid]' value='".escape($row['voice_secretary_uuid'])."'></td>\n";
			}
			echo "	<td><a href='".escape($edit)."'>".escape($row['secretary_name'])."</a></td>\n";
			echo "	<td>".escape($row['company_name'])."</td>\n";
			echo "	<td>".escape($row['extension'])."</td>\n";
			echo "	<td>".escape($text['option-'.$row['processing_mode']] ?? $row['processing_mode'])."</td>\n";
			echo "	<td>".escape($row['language'])."</td>\n";
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

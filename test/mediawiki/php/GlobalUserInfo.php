<?php
/**
 * Watchdeck fixture stand-in for CentralAuth's `meta=globaluserinfo` (the fixture cannot run CentralAuth).
 *
 * Loaded from the LocalSettings.php of the wikis that share a "global account" (config.ts GLOBAL_ACCOUNT_WIKIS).
 * The attached wikis are the fixture's own: every wiki of the manifest (manifest.json, path in
 * $wgWatchdeckGlobalAccountManifest) that is also in $wgWatchdeckGlobalAccountWikis and has a local account
 * of that name. Edit counts and registrations are read from each wiki's own SQLite database, so they are real.
 *
 * Answers in CentralAuth's shape (ApiQueryGlobalUserInfo):
 *   {"query":{"globaluserinfo":{"home":"alphawiki","id":N,"registration":"…Z","name":"Alice",
 *     "merged":[{"wiki":"alphawiki","url":"http://127.0.0.1:PORT","timestamp":"…Z","method":"primary",
 *                "editcount":N,"registration":"…Z"},…]}}}
 * and {"query":{"globaluserinfo":{"missing":""}}} for an unknown (or anonymous) user.
 */

use Wikimedia\ParamValidator\ParamValidator;

class WatchdeckApiQueryGlobalUserInfo extends ApiQueryBase {
	public function __construct( ApiQuery $query, $moduleName ) {
		parent::__construct( $query, $moduleName, 'gui' );
	}

	public function execute() {
		global $wgWatchdeckGlobalAccountManifest, $wgWatchdeckGlobalAccountWikis;
		$params = $this->extractRequestParams();
		$prop = array_flip( (array)( $params['prop'] ?? [] ) );
		$name = $params['user'];
		if ( $name === null || $name === '' ) {
			$user = $this->getUser();
			$name = $user->isRegistered() ? $user->getName() : null;
		} else {
			$name = ucfirst( str_replace( '_', ' ', trim( $name ) ) );
		}
		$path = [ 'query', $this->getModuleName() ];
		$result = $this->getResult();
		$accounts = $name === null ? [] : $this->attachedAccounts(
			$name, (string)$wgWatchdeckGlobalAccountManifest, (array)$wgWatchdeckGlobalAccountWikis
		);
		if ( !$accounts ) {
			$result->addValue( $path, 'missing', '' );
			return;
		}
		$home = $accounts[0];
		$data = [
			'home' => $home['wiki'],
			'id' => crc32( "watchdeck-global:$name" ) & 0x7fffffff,
			'registration' => $home['registration'],
			'name' => $name,
		];
		if ( isset( $prop['merged'] ) ) {
			$merged = [];
			foreach ( $accounts as $i => $account ) {
				$merged[] = [
					'wiki' => $account['wiki'],
					'url' => $account['url'],
					'timestamp' => $account['registration'],
					'method' => $i === 0 ? 'primary' : 'login',
					'editcount' => $account['editcount'],
					'registration' => $account['registration'],
				];
			}
			ApiResult::setIndexedTagName( $merged, 'account' );
			$data['merged'] = $merged;
		}
		if ( isset( $prop['unattached'] ) ) {
			$unattached = [];
			ApiResult::setIndexedTagName( $unattached, 'account' );
			$data['unattached'] = $unattached;
		}
		if ( isset( $prop['editcount'] ) ) {
			$data['editcount'] = array_sum( array_column( $accounts, 'editcount' ) );
		}
		$result->addValue( [ 'query' ], $this->getModuleName(), $data );
	}

	/** The fixture wikis where $name has an account, home (first in manifest order) first. */
	private function attachedAccounts( string $name, string $manifestPath, array $wikis ): array {
		$manifest = is_readable( $manifestPath ) ? json_decode( (string)file_get_contents( $manifestPath ), true ) : null;
		$out = [];
		foreach ( $manifest['wikis'] ?? [] as $key => $wiki ) {
			if ( !in_array( $key, $wikis, true ) ) {
				continue;
			}
			$db = $wiki['dataDir'] . '/' . $key . '.sqlite';
			if ( !is_readable( $db ) ) {
				continue;
			}
			try {
				$pdo = new PDO( "sqlite:$db" );
				$pdo->setAttribute( PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION );
				$stmt = $pdo->prepare( 'SELECT user_editcount, user_registration FROM user WHERE user_name = ?' );
				$stmt->execute( [ $name ] );
				$row = $stmt->fetch( PDO::FETCH_ASSOC );
			} catch ( PDOException $e ) {
				continue;
			}
			if ( !$row ) {
				continue;
			}
			$out[] = [
				'wiki' => $key . 'wiki',
				'url' => $wiki['baseUrl'],
				'editcount' => (int)$row['user_editcount'],
				'registration' => wfTimestamp( TS_ISO_8601, $row['user_registration'] ?: '20000101000000' ),
			];
		}
		return $out;
	}

	public function getCacheMode( $params ) {
		return $params['user'] === null ? 'private' : 'public';
	}

	public function getAllowedParams() {
		return [
			'user' => [ ParamValidator::PARAM_TYPE => 'string' ],
			'id' => [ ParamValidator::PARAM_TYPE => 'integer' ],
			'prop' => [
				ParamValidator::PARAM_TYPE => [ 'groups', 'rights', 'merged', 'unattached', 'editcount' ],
				ParamValidator::PARAM_ISMULTI => true,
			],
		];
	}
}

$wgAPIMetaModules['globaluserinfo'] = WatchdeckApiQueryGlobalUserInfo::class;

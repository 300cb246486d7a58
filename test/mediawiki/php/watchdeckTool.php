<?php
/**
 * Watchdeck e2e fixture helper: a MediaWiki maintenance script doing the
 * few things core's maintenance scripts cannot (userOptions.php only rewrites
 * options users already have; createBotPassword.php cannot update/delete).
 *
 * Usage: MW_CONFIG_FILE=/path/LocalSettings.php php watchdeckTool.php --ops FILE|-
 * where the ops JSON is a list of:
 *   {"op":"setOption","user":"Alice","option":"watchlisttoken","value":"..."}
 *   {"op":"setBotPassword","user":"Alice","appId":"watchdeck","grants":["basic"],"password":"32+chars"}
 *        (insert, or update = new password + new bp_token: existing sessions die)
 *   {"op":"deleteBotPassword","user":"Alice","appId":"watchdeck"}
 *   {"op":"setWatchExpiry","user":"Alice","title":"Some page","expiry":"20000101000000"|null}
 *        (raw DB write, may set an expiry in the past)
 * Prints one JSON line with per-op results.
 */

$IP = getenv( 'MW_INSTALL_PATH' ) ?: '/usr/share/mediawiki';
require_once "$IP/maintenance/Maintenance.php";

use MediaWiki\MediaWikiServices;

class WatchdeckTool extends Maintenance {
	public function __construct() {
		parent::__construct();
		$this->addDescription( 'Watchdeck e2e fixture helper' );
		$this->addOption( 'ops', 'JSON file with a list of operations, or - for stdin', true, true );
	}

	public function execute() {
		$src = $this->getOption( 'ops' );
		$json = $src === '-' ? stream_get_contents( STDIN ) : file_get_contents( $src );
		$ops = json_decode( $json, true );
		if ( !is_array( $ops ) ) {
			$this->fatalError( 'ops must be a JSON list' );
		}
		$results = [];
		foreach ( $ops as $op ) {
			$results[] = $this->runOp( $op );
		}
		$this->output( json_encode( [ 'results' => $results ] ) . "\n" );
	}

	private function userIdentity( string $name ) {
		$user = MediaWikiServices::getInstance()->getUserFactory()->newFromName( $name );
		if ( !$user || !$user->isRegistered() ) {
			$this->fatalError( "no such user: $name" );
		}
		return $user;
	}

	private function runOp( array $op ) {
		$services = MediaWikiServices::getInstance();
		switch ( $op['op'] ?? '' ) {
			case 'setOption':
				$user = $this->userIdentity( $op['user'] );
				$mgr = $services->getUserOptionsManager();
				$mgr->setOption( $user, $op['option'], $op['value'] );
				$mgr->saveOptions( $user );
				return [ 'ok' => true ];

			case 'setBotPassword':
				$user = $this->userIdentity( $op['user'] );
				$password = $services->getPasswordFactory()->newFromPlaintext( $op['password'] );
				$existing = BotPassword::newFromUser( $user, $op['appId'], BotPassword::READ_LATEST );
				if ( $existing ) {
					$bp = BotPassword::newUnsaved( [
						'user' => $user,
						'appId' => $op['appId'],
						'grants' => $op['grants'] ?? $existing->getGrants(),
					] );
					$status = $bp->save( 'update', $password );
					$mode = 'update';
				} else {
					$bp = BotPassword::newUnsaved( [
						'user' => $user,
						'appId' => $op['appId'],
						'grants' => $op['grants'] ?? [ 'basic' ],
					] );
					$status = $bp->save( 'insert', $password );
					$mode = 'insert';
				}
				if ( !$status->isGood() ) {
					$this->fatalError( "bot password $mode failed: " . $status->getWikiText( false, false, 'en' ) );
				}
				return [ 'ok' => true, 'mode' => $mode ];

			case 'deleteBotPassword':
				$user = $this->userIdentity( $op['user'] );
				$bp = BotPassword::newFromUser( $user, $op['appId'], BotPassword::READ_LATEST );
				return [ 'ok' => true, 'deleted' => $bp ? $bp->delete() : false ];

			case 'setWatchExpiry':
				$user = $this->userIdentity( $op['user'] );
				$title = Title::newFromText( $op['title'] );
				$dbw = $this->getDB( DB_PRIMARY );
				$wlId = $dbw->selectField( 'watchlist', 'wl_id', [
					'wl_user' => $user->getId(),
					'wl_namespace' => $title->getNamespace(),
					'wl_title' => $title->getDBkey(),
				], __METHOD__ );
				if ( !$wlId ) {
					$this->fatalError( "{$op['user']} does not watch {$op['title']}" );
				}
				if ( $op['expiry'] === null ) {
					$dbw->delete( 'watchlist_expiry', [ 'we_item' => $wlId ], __METHOD__ );
				} else {
					$dbw->upsert(
						'watchlist_expiry',
						[ 'we_item' => $wlId, 'we_expiry' => $dbw->timestamp( $op['expiry'] ) ],
						'we_item',
						[ 'we_expiry' => $dbw->timestamp( $op['expiry'] ) ],
						__METHOD__
					);
				}
				return [ 'ok' => true, 'wl_id' => (int)$wlId ];

			case 'createPages':
				// Many page creations in one process, the way an API edit does them
				// (PageUpdater -> revision + recentchanges row + watchlist notification).
				$user = $this->userIdentity( $op['user'] );
				$factory = $services->getWikiPageFactory();
				$out = [];
				foreach ( $op['pages'] as $p ) {
					$title = Title::newFromText( $p['title'] );
					$page = $factory->newFromTitle( $title );
					$updater = $page->newPageUpdater( $user );
					$updater->setContent( 'main', ContentHandler::makeContent( $p['text'], $title ) );
					$flags = EDIT_NEW | ( !empty( $op['bot'] ) ? EDIT_FORCE_BOT : 0 );
					$rev = $updater->saveRevision(
						CommentStoreComment::newUnsavedComment( $p['summary'] ),
						$flags
					);
					if ( !$rev ) {
						$this->fatalError( "createPages: could not create {$p['title']}: " .
							$updater->getStatus()->getWikiText( false, false, 'en' ) );
					}
					DeferredUpdates::doUpdates();
					$out[] = [
						'title' => $title->getPrefixedText(),
						'pageid' => $rev->getPageId(),
						'revid' => $rev->getId(),
						'timestamp' => wfTimestamp( TS_ISO_8601, $rev->getTimestamp() ),
					];
				}
				return [ 'ok' => true, 'pages' => $out ];

			default:
				$this->fatalError( 'unknown op: ' . json_encode( $op ) );
		}
	}
}

$maintClass = WatchdeckTool::class;
require_once RUN_MAINTENANCE_IF_MAIN;

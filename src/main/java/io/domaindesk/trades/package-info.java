/**
 * Owner contact (rules-driven edit) and owner trades: order flow, approval, tracking,
 * history.
 */
package io.domaindesk.trades;

/**
 * Campaign measurement: orders and clicks, the attribution rule (a creator's promo code wins, else the order's click id
 * within the attribution window, else unattributed), and the judgements built on them. Pure Java; may use the domain,
 * forecast and signals packages.
 */
package io.microreach.campaigns;

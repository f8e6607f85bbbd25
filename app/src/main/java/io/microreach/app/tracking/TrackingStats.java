package io.microreach.app.tracking;

import io.microreach.campaigns.AttributedOrder;
import io.microreach.campaigns.Attribution;
import io.microreach.campaigns.AttributionBasis;
import io.microreach.campaigns.OrderEvent;
import io.microreach.campaigns.TrackedClick;
import io.microreach.pricing.ExchangeRates;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The click and order figures the campaign report and the coupon-leak check read. Buffered clicks are written first,
 * so the figures include the last second. A campaign id is taken as given: the caller has checked that it belongs to
 * the caller's workspace.
 */
@Service
public class TrackingStats {
    private final JdbcTemplate jdbc;
    private final ClickLog clicks;

    private final ExchangeRates rates;

    TrackingStats(JdbcTemplate jdbc, ClickLog clicks, ExchangeRates rates) {
        this.jdbc = jdbc;
        this.clicks = clicks;
        this.rates = rates;
    }

    /**
     * The campaign's currency per unit of each currency that can be converted into it (1 for itself), as two arrays
     * for SQL: {@code JOIN unnest(codes, rates)} multiplies each order's total by its rate, and an order in a currency
     * without a rate finds no row and is left out of revenue (the report says how many).
     */
    private Object[] rateArrays(String campaignCurrency) {
        List<String> codes = new ArrayList<>();
        List<BigDecimal> perUnit = new ArrayList<>();
        codes.add(campaignCurrency);
        perUnit.add(BigDecimal.ONE);
        if (rates.knows(campaignCurrency)) {
            for (String code : rates.perEuro().keySet()) {
                if (!code.equals(campaignCurrency)) {
                    codes.add(code);
                    perUnit.add(BigDecimal.valueOf(rates.rate(code, campaignCurrency)));
                }
            }
        }
        return new Object[] {codes.toArray(String[]::new), perUnit.toArray(BigDecimal[]::new)};
    }

    private record Counts(
            long id,
            String platform,
            String handle,
            long clicks,
            long unique,
            long bots,
            long previews,
            long prefetches,
            long heads) {}

    private record Orders(long orders, long conversions, BigDecimal revenue, BigDecimal byCode, BigDecimal byClick) {}

    /**
     * Per campaign creator: clicks by kind, unique clicks, attributed orders and revenue, and both per day. Revenue is
     * in the campaign's currency: orders in another currency are converted at the configured exchange rates ({@code
     * microreach.currency.rates.*}); orders in a currency without a rate count as orders and conversions but add no
     * revenue.
     */
    public CampaignTracking forCampaign(long campaignId, String currency) {
        clicks.flush();
        Object[] fx = rateArrays(currency);
        List<Counts> counts = jdbc.query(
                "SELECT cc.id, cc.platform, cc.handle,"
                        + " count(k.id) FILTER (WHERE k.kind = 'click'),"
                        + " count(DISTINCT k.visitor_hash) FILTER (WHERE k.kind = 'click'),"
                        + " count(k.id) FILTER (WHERE k.kind = 'bot'),"
                        + " count(k.id) FILTER (WHERE k.kind = 'preview'),"
                        + " count(k.id) FILTER (WHERE k.kind = 'prefetch'),"
                        + " count(k.id) FILTER (WHERE k.kind = 'head')"
                        + " FROM campaign_creator cc LEFT JOIN campaign_click k ON k.campaign_creator_id = cc.id"
                        + " WHERE cc.campaign_id = ? GROUP BY cc.id ORDER BY cc.id",
                (rs, i) -> new Counts(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9)),
                campaignId);
        Map<Long, Orders> orders = new HashMap<>();
        jdbc.query(
                "SELECT o.campaign_creator_id, count(*), count(*) FILTER (WHERE o.total > 0),"
                        + " coalesce(round(sum(o.total * x.rate), 2), 0),"
                        + " coalesce(round(sum(o.total * x.rate) FILTER (WHERE o.attribution_basis = 'promo_code'),"
                        + " 2), 0),"
                        + " coalesce(round(sum(o.total * x.rate) FILTER (WHERE o.attribution_basis = 'click'), 2), 0)"
                        + " FROM campaign_order o JOIN campaign_creator cc ON cc.id = o.campaign_creator_id"
                        + " LEFT JOIN unnest(?::text[], ?::numeric[]) AS x(code, rate) ON x.code = o.currency"
                        + " WHERE cc.campaign_id = ? GROUP BY o.campaign_creator_id",
                rs -> {
                    orders.put(
                            rs.getLong(1),
                            new Orders(
                                    rs.getLong(2),
                                    rs.getLong(3),
                                    rs.getBigDecimal(4),
                                    rs.getBigDecimal(5),
                                    rs.getBigDecimal(6)));
                },
                fx[0],
                fx[1],
                campaignId);
        Map<Long, TreeMap<LocalDate, long[]>> clickDays = new HashMap<>();
        Map<Long, TreeMap<LocalDate, BigDecimal[]>> orderDays = new HashMap<>();
        jdbc.query(
                "SELECT k.campaign_creator_id, (k.clicked_at AT TIME ZONE 'UTC')::date, count(*) FROM campaign_click k"
                        + " JOIN campaign_creator cc ON cc.id = k.campaign_creator_id"
                        + " WHERE cc.campaign_id = ? AND k.kind = 'click' GROUP BY 1, 2",
                rs -> {
                    clickDays
                            .computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                            .put(rs.getObject(2, LocalDate.class), new long[] {rs.getLong(3)});
                },
                campaignId);
        jdbc.query(
                "SELECT o.campaign_creator_id, (o.created_at AT TIME ZONE 'UTC')::date, count(*),"
                        + " coalesce(round(sum(o.total * x.rate), 2), 0)"
                        + " FROM campaign_order o JOIN campaign_creator cc ON cc.id = o.campaign_creator_id"
                        + " LEFT JOIN unnest(?::text[], ?::numeric[]) AS x(code, rate) ON x.code = o.currency"
                        + " WHERE cc.campaign_id = ? GROUP BY 1, 2",
                rs -> {
                    orderDays
                            .computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                            .put(
                                    rs.getObject(2, LocalDate.class),
                                    new BigDecimal[] {BigDecimal.valueOf(rs.getLong(3)), rs.getBigDecimal(4)});
                },
                fx[0],
                fx[1],
                campaignId);
        List<CreatorTracking> out = new ArrayList<>();
        Orders none = new Orders(0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        for (Counts c : counts) {
            Orders o = orders.getOrDefault(c.id(), none);
            TreeMap<LocalDate, long[]> cd = clickDays.getOrDefault(c.id(), new TreeMap<>());
            TreeMap<LocalDate, BigDecimal[]> od = orderDays.getOrDefault(c.id(), new TreeMap<>());
            TreeMap<LocalDate, Boolean> days = new TreeMap<>();
            cd.keySet().forEach(d -> days.put(d, true));
            od.keySet().forEach(d -> days.put(d, true));
            List<DayCount> perDay = new ArrayList<>();
            for (LocalDate d : days.keySet()) {
                long[] k = cd.get(d);
                BigDecimal[] r = od.get(d);
                perDay.add(new DayCount(
                        d, k == null ? 0 : k[0], r == null ? 0 : r[0].longValue(), r == null ? BigDecimal.ZERO : r[1]));
            }
            out.add(new CreatorTracking(
                    c.id(),
                    c.platform(),
                    c.handle(),
                    c.clicks(),
                    c.unique(),
                    c.bots(),
                    c.previews(),
                    c.prefetches(),
                    c.heads(),
                    o.orders(),
                    o.conversions(),
                    o.revenue(),
                    o.byCode(),
                    o.byClick(),
                    perDay));
        }
        return new CampaignTracking(campaignId, out);
    }

    /** Per campaign creator: the orders credited to it and the people's clicks on its link (for the leak check). */
    public List<CreatorEvidence> evidence(long campaignId) {
        clicks.flush();
        Map<Long, List<AttributedOrder>> orders = new HashMap<>();
        jdbc.query(
                "SELECT o.campaign_creator_id, o.order_id, o.created_at, o.total, o.currency, o.promo_code, o.click_id,"
                        + " o.attribution_basis, o.attribution_reason"
                        + " FROM campaign_order o JOIN campaign_creator cc ON cc.id = o.campaign_creator_id"
                        + " WHERE cc.campaign_id = ? ORDER BY o.created_at, o.id",
                rs -> {
                    orders.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(order(rs));
                },
                campaignId);
        Map<Long, List<TrackedClick>> clickLists = new HashMap<>();
        jdbc.query(
                "SELECT k.campaign_creator_id, k.click_id, k.clicked_at FROM campaign_click k"
                        + " JOIN campaign_creator cc ON cc.id = k.campaign_creator_id"
                        + " WHERE cc.campaign_id = ? AND k.kind = 'click' ORDER BY k.clicked_at, k.id",
                rs -> {
                    long creator = rs.getLong(1);
                    clickLists
                            .computeIfAbsent(creator, k -> new ArrayList<>())
                            .add(new TrackedClick(
                                    rs.getString(2), creator, rs.getTimestamp(3).toInstant()));
                },
                campaignId);
        return jdbc.query(
                "SELECT id, promo_code, followers FROM campaign_creator WHERE campaign_id = ? ORDER BY id",
                (rs, i) -> {
                    long id = rs.getLong(1);
                    long followers = rs.getLong(3);
                    return new CreatorEvidence(
                            id,
                            rs.getString(2),
                            rs.wasNull() ? null : followers,
                            orders.getOrDefault(id, List.of()),
                            clickLists.getOrDefault(id, List.of()));
                },
                campaignId);
    }

    private static AttributedOrder order(ResultSet rs) throws SQLException {
        long creator = rs.getLong(1);
        OrderEvent e = new OrderEvent(
                rs.getString(2),
                rs.getTimestamp(3).toInstant(),
                rs.getBigDecimal(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7));
        AttributionBasis basis = AttributionBasis.valueOf(rs.getString(8).toUpperCase(Locale.ROOT));
        return new AttributedOrder(e, new Attribution(creator, basis, rs.getString(9)));
    }
}

package margo.core.market;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import margo.core.io.FileFormatException;
import margo.core.io.MessageText;
import margo.core.pricing.OptionType;

/**
 * Reads Cboe's delayed-quotes CSV (cboe.com, "Delayed Quotes", options, "Download CSV"): two lines on the
 * underlying, then a header and one line per expiry and strike with the call on the left and the put on the right:
 *
 * <pre>
 * SPDR S&amp;P 500 ETF Trust,Last: 642.65,Change:  2.355
 * "Date: September 3, 2025 at 9:24 AM EDT",Bid: 642.64,Ask: 642.67,Size: 1*1,"Volume: 81,877,456"
 * Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest,Strike,Puts,Last Sale,...
 * Tue Sep 02 2025,SPY250902C00400000,236,-8.815,240.2,242.98,2,0,1,0,0,400.00,SPY250902P00400000,0.01,...
 * </pre>
 *
 * <p>Each side's symbol is the OCC option symbol (root, yymmdd, C or P, strike times 1000 in eight digits), which
 * must agree with the line's expiry and strike. Prices are USD per share (linear); IV is a decimal, 0 for none; a
 * bid of 0 is no bid. US equity and ETF options expire at the close, taken as 16:00 New York time. The valuation
 * time is the {@code Date:} of the second line; expiries that had passed by then (Cboe lists the day's expired
 * series until the next session) are left out with one note each rather than a problem per option.
 */
final class CboeQuoteReader {

    /** The close, when listed US equity options stop trading on their expiry date. */
    static final LocalTime CLOSE = LocalTime.of(16, 0);
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("EEE MMM dd yyyy", Locale.US);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a", Locale.US);
    private static final Pattern OCC = Pattern.compile("([A-Z][A-Z0-9.]*?)(\\d{6})([CP])(\\d{8})");
    private static final Map<String, ZoneId> ZONES = Map.of("EDT", NEW_YORK, "EST", NEW_YORK, "ET", NEW_YORK,
            "CDT", ZoneId.of("America/Chicago"), "CST", ZoneId.of("America/Chicago"), "CT", ZoneId.of("America/Chicago"),
            "UTC", ZoneId.of("UTC"), "GMT", ZoneId.of("UTC"));

    private CboeQuoteReader() {
    }

    /** Whether {@code head}, the start of a file, is Cboe's: a line within the first five starts its header. */
    static boolean recognises(String head) {
        String[] lines = head.split("\n", 6);
        for (int i = 0; i < Math.min(lines.length, 5); i++) {
            String line = lines[i].strip();
            if (line.startsWith("Expiration Date,Calls,") && line.contains(",Strike,Puts,")) {
                return true;
            }
        }
        return false;
    }

    static RawChain read(String name, Reader content, Instant valuationTime, ChainLayout layout)
            throws IOException, FileFormatException {
        if (!layout.columns().isEmpty()) {
            throw new ChainFormatException(name + " is read as Cboe's delayed quotes, whose columns are fixed: a"
                    + " layout cannot map " + layout);
        }
        CsvFile file = CsvFile.read(name, content, "options");
        int headerIndex = headerIndex(file);
        List<String> notes = new ArrayList<>();
        Instant quoted = null;
        for (CsvFile.Record preamble : file.records().subList(0, headerIndex)) {
            String first = preamble.fields().getFirst().strip();
            if (first.startsWith("Date:")) {
                quoted = quoteTime(name, preamble.lineNumber(), first.substring("Date:".length()).strip());
            }
        }
        String underlying = describeUnderlying(file, headerIndex);
        CsvFile csv = file.headedAt(headerIndex, "options");
        Sides sides = sides(name, csv.header());
        Instant cutoff = valuationTime != null ? valuationTime : quoted;
        List<RawQuote> quotes = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Map<LocalDate, Integer> expired = new TreeMap<>();
        for (CsvFile.Record record : csv.records()) {
            String fieldCount = csv.fieldCountProblem(record);
            if (fieldCount != null) {
                problems.add(new RowProblem(record.lineNumber(), null, fieldCount, RowProblem.Origin.CSV_LINE));
                continue;
            }
            LocalDate date;
            double strike;
            try {
                date = expiryDate(record.fields().getFirst().strip());
                strike = sides.fields(record, sides.strike).requiredNumber("Strike");
            } catch (RowException e) {
                problems.add(new RowProblem(record.lineNumber(), null, e.getMessage(), RowProblem.Origin.CSV_LINE));
                continue;
            }
            Instant expiry = date.atTime(CLOSE).atZone(NEW_YORK).toInstant();
            if (cutoff != null && !expiry.isAfter(cutoff)) {
                expired.merge(date, 2, Integer::sum);
                continue;
            }
            for (OptionType type : OptionType.values()) {
                RowFields fields = sides.fields(record, type == OptionType.CALL ? sides.calls : sides.puts);
                String symbol = fields.text(type == OptionType.CALL ? "Calls" : "Puts");
                try {
                    quotes.add(quote(record.lineNumber(), fields, symbol, type, date, expiry, strike));
                } catch (RowException e) {
                    problems.add(new RowProblem(record.lineNumber(), symbol, e.getMessage(), RowProblem.Origin.CSV_LINE));
                }
            }
        }
        if (underlying != null) {
            notes.add(underlying + (quoted == null ? "" : ", quoted " + quoted));
        }
        expired.forEach((date, count) -> notes.add("expiry " + date + " (" + count + " options) had expired at the"
                + " valuation time " + cutoff + ": left out"));
        quotes = withoutUnquotedExpiries(quotes, notes);
        return new RawChain(quotes, problems, List.of(), notes, cutoff, quotes.isEmpty() ? "UNKNOWN"
                : quotes.getFirst().underlying(), QuoteConvention.LINEAR, VolatilityUnit.DECIMAL);
    }

    /**
     * The quotes without the expiries that have neither a bid nor an ask on any option (Cboe lists series before
     * they trade, all zeros), each left out with one note rather than a "no forward" problem per option.
     */
    private static List<RawQuote> withoutUnquotedExpiries(List<RawQuote> quotes, List<String> notes) {
        Map<Instant, Integer> options = new TreeMap<>();
        java.util.Set<Instant> quoted = new java.util.HashSet<>();
        for (RawQuote quote : quotes) {
            options.merge(quote.expiry(), 1, Integer::sum);
            if (quote.bid() > 0 || quote.ask() > 0) {
                quoted.add(quote.expiry());
            }
        }
        options.forEach((expiry, count) -> {
            if (!quoted.contains(expiry)) {
                notes.add("expiry " + LocalDate.ofInstant(expiry, NEW_YORK) + " (" + count + " options) has no bid"
                        + " or ask on any option: left out");
            }
        });
        return quotes.stream().filter(quote -> quoted.contains(quote.expiry())).toList();
    }

    private static int headerIndex(CsvFile file) throws ChainFormatException {
        for (int i = 0; i < Math.min(file.records().size(), 5); i++) {
            if (file.records().get(i).fields().getFirst().strip().equals("Expiration Date")) {
                return i;
            }
        }
        throw new ChainFormatException(file.header().getFirst() + ": no header line 'Expiration Date,Calls,...' in"
                + " the first lines of Cboe's delayed quotes");
    }

    /** {@code underlying SPDR S&P 500 ETF Trust: last 642.65, bid 642.64, ask 642.67}, from the preamble. */
    private static String describeUnderlying(CsvFile file, int headerIndex) {
        List<String> parts = new ArrayList<>();
        List<List<String>> lines = new ArrayList<>();
        lines.add(file.header());
        file.records().subList(0, headerIndex).forEach(record -> lines.add(record.fields()));
        for (List<String> line : lines) {
            for (String field : line) {
                String text = field.strip();
                for (String label : List.of("Last:", "Bid:", "Ask:")) {
                    if (text.startsWith(label)) {
                        parts.add(label.substring(0, label.length() - 1).toLowerCase(Locale.ROOT) + " "
                                + MessageText.value(text.substring(label.length()).strip()));
                    }
                }
            }
        }
        String title = MessageText.value(file.header().getFirst().strip());
        return "underlying " + title + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
    }

    private static Instant quoteTime(String name, int line, String text) throws ChainFormatException {
        int space = text.lastIndexOf(' ');
        ZoneId zone = space < 0 ? null : ZONES.get(text.substring(space + 1).toUpperCase(Locale.ROOT));
        try {
            if (zone == null) {
                throw new DateTimeParseException("no time zone", text, 0);
            }
            return LocalDateTime.parse(text.substring(0, space).strip(), STAMP).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new ChainFormatException(name + " line " + line + ": the quote time '" + MessageText.value(text)
                    + "' is not like 'September 3, 2025 at 9:24 AM EDT' (zones ET, EDT, EST, CT, CDT, CST, UTC)");
        }
    }

    private static LocalDate expiryDate(String text) throws RowException {
        try {
            return LocalDate.parse(text, EXPIRY);
        } catch (DateTimeParseException e) {
            throw new RowException("Expiration Date '" + MessageText.value(text) + "' is not a date like Tue Sep 02 2025");
        }
    }

    private static RawQuote quote(int line, RowFields fields, String symbol, OptionType type, LocalDate date,
                                  Instant expiry, double strike) throws RowException {
        String side = type == OptionType.CALL ? "Calls" : "Puts";
        if (symbol == null) {
            throw new RowException(side + " symbol is missing");
        }
        Matcher occ = OCC.matcher(symbol);
        if (!occ.matches()) {
            throw new RowException(side + " symbol '" + MessageText.value(symbol) + "' is not an OCC option symbol"
                    + " like SPY250902C00400000");
        }
        String named = occ.group(2);
        String written = date.format(DateTimeFormatter.ofPattern("yyMMdd"));
        if (!named.equals(written) || occ.group(3).charAt(0) != (type == OptionType.CALL ? 'C' : 'P')
                || Long.parseLong(occ.group(4)) != Math.round(strike * 1000)) {
            throw new RowException(side + " symbol " + symbol + " does not name the line's expiry " + date + ", strike "
                    + strike + " and type " + type.label());
        }
        double bid = fields.optionalNumber("Bid");
        return new RawQuote(line, symbol, expiry, type, strike, bid == 0 ? Double.NaN : bid,
                fields.optionalNumber("Ask"), Double.NaN, Double.NaN, null, Double.NaN, Double.NaN,
                fields.optionalVolatility("IV"), fields.optionalNumber("Open Interest"), occ.group(1));
    }

    /** Where the call's columns, the strike and the put's columns are: the header names Bid, Ask, IV twice. */
    private record Sides(int calls, int strike, int puts, List<String> header) {

        /** The fields of one side of a line, by the column names of that side. */
        RowFields fields(CsvFile.Record record, int from) {
            int to = from == calls ? strike : from == strike ? strike + 1 : header.size();
            return new RowFields() {
                @Override
                String text(String field) {
                    for (int i = from; i < to; i++) {
                        if (header.get(i).equalsIgnoreCase(field)) {
                            String value = record.fields().get(i).strip();
                            return value.isEmpty() ? null : value;
                        }
                    }
                    return null;
                }
            };
        }
    }

    private static Sides sides(String name, List<String> header) throws ChainFormatException {
        int calls = header.indexOf("Calls");
        int strike = header.indexOf("Strike");
        int puts = header.indexOf("Puts");
        if (calls < 0 || strike < calls || puts < strike) {
            throw new ChainFormatException(name + " is read as Cboe's delayed quotes but its header does not have"
                    + " Calls, Strike and Puts in that order: " + MessageText.value(String.join(",", header)));
        }
        return new Sides(calls, strike, puts, header);
    }
}

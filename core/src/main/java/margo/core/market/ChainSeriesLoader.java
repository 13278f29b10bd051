package margo.core.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import margo.core.io.DataFile;
import margo.core.io.FileFormatException;

/**
 * Loads a {@link ChainSeries}: from a folder (its {@code .csv} and {@code .json} files, one snapshot each), a glob
 * ({@code snapshots/btc-*.csv}, one snapshot per file it matches), or one Tardis.dev {@code options_chain} file, a
 * stream of updates cut into snapshots at a fixed interval.
 *
 * <p>A file's snapshot time is its data's valuation time (its latest plausible timestamp, {@link Timestamps}); a
 * file without a timestamp is valued at the time in its name ({@code chain-2024-03-01T08-00Z.csv},
 * {@code 20240301T080000}, {@code 2024-03-01}), UTC, which its notes say. Two files at the same time are an error:
 * a series has one chain per time.
 *
 * <p>A Tardis file's snapshot at time t is the chain {@link OptionChains#load} gives when valued at t: the latest
 * update of each symbol at or before t. The times are the multiples of the interval (counted from 1970, so
 * hourly snapshots fall on the hour) from the first update on, and the time of the last update.
 */
public final class ChainSeriesLoader {

    /** The interval a Tardis stream is cut at when the caller gives none. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

    /** A date, and optionally an hour, minutes and seconds, as written in file names. */
    private static final Pattern NAME_TIME = Pattern.compile(
            "(\\d{4})-?(\\d{2})-?(\\d{2})(?:[T_ ]?(\\d{2})[-:h]?(\\d{2})(?:[-:m]?(\\d{2}))?)?");

    private ChainSeriesLoader() {
    }

    /**
     * @param base      the folder a relative location is resolved against
     * @param location  a folder, a glob (with {@code * ? [ {}) or one file
     * @param options   format, convention, volatility unit and layout of every file; no valuation time (each
     *                  snapshot has its own)
     * @param interval  how far apart a Tardis stream's snapshots are; null for {@link #DEFAULT_INTERVAL}
     * @param maxBytes  the largest file read ({@link DataFile})
     * @throws ChainFormatException when no file matches, a file cannot be read as a chain, or two snapshots have
     *                              the same time
     */
    public static ChainSeriesLoad load(Path base, String location, LoadOptions options, Duration interval,
                                       long maxBytes) throws ChainFormatException {
        if (options.valuationTime() != null) {
            throw new IllegalArgumentException("a series takes each snapshot's own time, not a valuation time");
        }
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("the interval " + interval + " must be positive");
        }
        List<Path> files = files(base, location);
        if (files.size() == 1 && Files.isRegularFile(files.getFirst()) && !isGlob(location)
                && isTardis(files.getFirst(), options, maxBytes)) {
            return stream(files.getFirst(), options, interval == null ? DEFAULT_INTERVAL : interval, maxBytes);
        }
        TreeMap<Instant, Path> byTime = new TreeMap<>();
        List<ChainSnapshot> snapshots = new ArrayList<>();
        List<ChainSeriesLoad.File> loaded = new ArrayList<>();
        int named = 0;
        for (Path file : files) {
            Instant nameTime = timeInName(file.getFileName().toString());
            ChainLoad load = OptionChains.load(file, options, maxBytes, nameTime);
            Instant time = load.chain().valuationTime();
            Path other = byTime.put(time, file);
            if (other != null) {
                throw new ChainFormatException(other.getFileName() + " and " + file.getFileName() + " are both"
                        + " snapshots at " + time + ": a series has one chain per time; keep one of them out of "
                        + location);
            }
            named += nameTime != null && time.equals(nameTime) && load.notes().stream()
                    .anyMatch(note -> note.contains("the time in the file's name")) ? 1 : 0;
            snapshots.add(new ChainSnapshot(time, load.chain()));
            loaded.add(new ChainSeriesLoad.File(file, load.problems(), load.warnings(), load.notes()));
        }
        snapshots.sort(Comparator.comparing(ChainSnapshot::time));
        List<String> notes = new ArrayList<>();
        int fromData = files.size() - named;
        notes.add(files.size() + (files.size() == 1 ? " snapshot" : " snapshots") + " from " + snapshots.getFirst()
                .time() + " to " + snapshots.getLast().time() + ": " + (named == 0 ? "each at its data's timestamp"
                : fromData == 0 ? "each at the time in its file's name (the data has no timestamp)"
                : fromData + " at the data's timestamp, " + named + " at the time in the file's name"));
        return new ChainSeriesLoad(new ChainSeries(snapshots), loaded, notes);
    }

    /** The time written in a file's name, UTC, or null when it holds none: the last date (and time) in it. */
    static Instant timeInName(String name) {
        Matcher matcher = NAME_TIME.matcher(name);
        Instant found = null;
        while (matcher.find()) {
            try {
                LocalDateTime time = LocalDateTime.of(Integer.parseInt(matcher.group(1)),
                        Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)),
                        number(matcher.group(4)), number(matcher.group(5)), number(matcher.group(6)));
                found = time.toInstant(ZoneOffset.UTC);
            } catch (java.time.DateTimeException notATime) {
                // digits that are no date, such as a strike: not the snapshot's time
            }
        }
        return found;
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private static boolean isGlob(String location) {
        return location.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
    }

    /** The files a location names, sorted by path: a glob's matches, a folder's chain files, or the one file. */
    private static List<Path> files(Path base, String location) throws ChainFormatException {
        List<Path> files = new ArrayList<>();
        if (isGlob(location)) {
            int wild = 0;
            while ("*?[{".indexOf(location.charAt(wild)) < 0) {
                wild++;
            }
            int slash = location.lastIndexOf('/', wild);
            Path root = base.resolve(slash < 0 ? "." : location.substring(0, slash + 1)).normalize();
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + location.substring(slash + 1));
            if (!Files.isDirectory(root)) {
                throw new ChainFormatException("no folder " + root + " for " + location);
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(path -> matcher.matches(root.relativize(path)))
                        .forEach(files::add);
            } catch (IOException unreadable) {
                throw new ChainFormatException("cannot list " + root + ": " + DataFile.reason(unreadable), unreadable);
            }
        } else {
            Path path = base.resolve(location).normalize();
            if (!Files.isDirectory(path)) {
                if (!Files.exists(path)) {
                    throw new ChainFormatException("no such file or folder: " + location + " (looked for " + path
                            + ")");
                }
                return List.of(path);
            }
            try (Stream<Path> list = Files.list(path)) {
                list.filter(Files::isRegularFile).filter(file -> isChainFile(file.getFileName().toString()))
                        .forEach(files::add);
            } catch (IOException unreadable) {
                throw new ChainFormatException("cannot list " + path + ": " + DataFile.reason(unreadable), unreadable);
            }
        }
        if (files.isEmpty()) {
            throw new ChainFormatException("no chain file matches " + location + (isGlob(location) ? ""
                    : ": a folder's snapshots are its .csv and .json files"));
        }
        files.sort(null);
        return files;
    }

    private static boolean isChainFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (lower.endsWith(".csv") || lower.endsWith(".json"));
    }

    private static boolean isTardis(Path file, LoadOptions options, long maxBytes) throws ChainFormatException {
        if (options.format() != ChainFormat.AUTO) {
            return options.format() == ChainFormat.TARDIS_CSV;
        }
        try (BufferedReader content = DataFile.open(file, maxBytes)) {
            return OptionChains.detect(file.toString(), OptionChains.head(content), options.layout())
                    == ChainFormat.TARDIS_CSV;
        } catch (IOException unreadable) {
            throw new ChainFormatException("cannot read " + file + ": " + DataFile.reason(unreadable), unreadable);
        }
    }

    /** A Tardis stream cut every {@code interval}, each snapshot assembled as one chain valued then. */
    private static ChainSeriesLoad stream(Path file, LoadOptions options, Duration interval, long maxBytes)
            throws ChainFormatException {
        TardisChainReader.Updates updates;
        try (BufferedReader content = DataFile.open(file, maxBytes)) {
            updates = TardisChainReader.updates(file.toString(), content, options.layout());
        } catch (ChainFormatException unreadable) {
            throw unreadable;
        } catch (FileFormatException malformed) {
            throw new ChainFormatException(malformed.getMessage(), malformed);
        } catch (IOException unreadable) {
            throw new ChainFormatException("cannot read " + file + ": " + DataFile.reason(unreadable), unreadable);
        }
        Instant first = updates.earliestPlausible();
        Instant last = updates.latestPlausible();
        if (first == null) {
            throw new ChainFormatException(file + " has no update with a timestamp to cut snapshots from");
        }
        long step = interval.toNanos();
        List<Instant> times = new ArrayList<>();
        long firstNanos = first.getEpochSecond() * 1_000_000_000L + first.getNano();
        long boundary = Math.ceilDiv(firstNanos, step) * step;
        for (Instant t = Instant.ofEpochSecond(0, boundary); t.isBefore(last); t = t.plus(interval)) {
            times.add(t);
        }
        times.add(last);
        List<ChainSnapshot> snapshots = new ArrayList<>();
        Map<Integer, RowProblem> problems = new LinkedHashMap<>();
        Map<Integer, RowProblem> warnings = new LinkedHashMap<>();
        List<String> fileNotes = new ArrayList<>();
        for (Instant time : times) {
            ChainLoad load;
            try {
                load = ChainAssembler.assemble(updates.at(time), options.withValuationTime(time), file,
                        RowProblem.Origin.CSV_LINE);
            } catch (ChainFormatException unusable) {
                throw new ChainFormatException("the snapshot at " + time + " of " + file.getFileName() + ": "
                        + unusable.getMessage(), unusable);
            }
            load.problems().forEach(problem -> problems.putIfAbsent(problem.rowNumber(), problem));
            load.warnings().forEach(warning -> warnings.putIfAbsent(warning.rowNumber(), warning));
            load.notes().stream().filter(note -> !fileNotes.contains(note)).forEach(fileNotes::add);
            snapshots.add(new ChainSnapshot(time, load.chain()));
        }
        List<RowProblem> sortedProblems = new ArrayList<>(problems.values());
        sortedProblems.sort(Comparator.comparingInt(RowProblem::rowNumber));
        List<RowProblem> sortedWarnings = new ArrayList<>(warnings.values());
        sortedWarnings.sort(Comparator.comparingInt(RowProblem::rowNumber));
        String note = snapshots.size() + (snapshots.size() == 1 ? " snapshot" : " snapshots") + " cut from the"
                + " updates of " + file.getFileName() + " every " + words(interval) + " from " + times.getFirst()
                + ", and at its last update " + last + ": each the latest update of every option at that time";
        return new ChainSeriesLoad(new ChainSeries(snapshots),
                List.of(new ChainSeriesLoad.File(file, sortedProblems, sortedWarnings, fileNotes)), List.of(note));
    }

    /** {@code 1h}, {@code 15m}, {@code 30s}: an interval as the language writes it. */
    private static String words(Duration interval) {
        long seconds = interval.toSeconds();
        if (interval.toNanos() % 1_000_000_000L != 0) {
            return interval.toMillis() + "ms";
        }
        return seconds % 86_400 == 0 ? seconds / 86_400 + "d" : seconds % 3_600 == 0 ? seconds / 3_600 + "h"
                : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}

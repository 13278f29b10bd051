package margo.spark;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import margo.core.margin.Account;
import margo.core.margin.Book;
import margo.core.margin.BookCsv;
import margo.core.margin.BookFormatException;
import margo.core.margin.PositionPricer;
import margo.core.market.CsvFile;
import margo.core.market.RowProblem;
import margo.dsl.engine.BookTask;
import margo.dsl.engine.CsvExport;
import margo.dsl.engine.Engine;
import margo.dsl.engine.ItemTask;
import margo.dsl.engine.NotDistributable;
import margo.dsl.engine.PartitionedBook;
import margo.dsl.engine.TaskFailure;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import tech.tablesaw.api.Table;

/**
 * Margo's per-account statements as Spark jobs. A book file is read in parts ({@link SparkContext#textFile}, line
 * numbers from {@code zipWithIndex}), its lines gathered by account (a shuffle), the accounts put in the order of their
 * first line (a range partitioning), and each part read and checked by core's {@link BookCsv} into a {@link BookPart}
 * that stays cached on the executors. A statement is then a map over the parts whose results come back to the driver
 * in partition order, which is the book's order. Nothing here computes a number: core does, on each part, with the
 * rule and pricer the recipe made in the driver (serialised with the task). Independent items (the cold fits of a
 * series' snapshots) are one task each, their results collected in order. An export writes each part's rows where
 * the part is: a CSV fragment the driver joins ({@link CsvExport}), or a Parquet data set's file
 * ({@link ParquetExport}).
 */
final class SparkEngine implements Engine {

    /** The setting (or Spark configuration {@code spark.margo.partitions}) fixing how many parts a book has. */
    static final String PARTITIONS = "partitions";

    /**
     * The Spark configuration naming where the parts of a book are kept between statements, a Spark storage level
     * ({@code MEMORY_AND_DISK} by default); {@code NONE} keeps nothing and reads each part again from the shuffle's
     * files for each statement, for a book larger than the executors' memory.
     */
    static final String STORAGE = "spark.margo.storage";

    private final SparkSession spark;
    private final JavaSparkContext context;
    private final int partitions;
    private final StorageLevel storage;
    private final boolean ownsSession;
    private final List<JavaRDD<BookPart>> cached = new ArrayList<>();

    /**
     * An engine on a session the caller owns and stops (a test's).
     *
     * @param partitions how many parts each book has; 0 for as many as the file's splits, at least the cluster's
     *                   default parallelism
     */
    SparkEngine(SparkSession spark, int partitions) {
        this(spark, partitions, false);
    }

    private SparkEngine(SparkSession spark, int partitions, boolean ownsSession) {
        this.spark = spark;
        this.context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.partitions = partitions;
        this.storage = storageLevel(spark.sparkContext().getConf().get(STORAGE, "MEMORY_AND_DISK"));
        this.ownsSession = ownsSession;
    }

    /**
     * Starts a session: on {@code master} when the settings give one, else on the master spark-submit configured,
     * else {@code local[*]}; a local session binds to the loopback address and shows no web UI.
     */
    static SparkEngine start(Map<String, String> settings) {
        SparkConf conf = new SparkConf();
        if (settings.containsKey("master")) {
            conf.setMaster(settings.get("master"));
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setIfMissing("spark.app.name", "margo");
        storageLevel(conf.get(STORAGE, "MEMORY_AND_DISK")); // a bad level is refused before a session starts
        int partitions = Integer.parseInt(settings.getOrDefault(PARTITIONS, conf.get("spark.margo.partitions", "0")));
        return new SparkEngine(SparkSession.builder().config(conf).getOrCreate(), partitions, true);
    }

    private static StorageLevel storageLevel(String name) {
        try {
            return StorageLevel.fromString(name);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(STORAGE + " must be a Spark storage level (MEMORY_AND_DISK, DISK_ONLY,"
                    + " MEMORY_AND_DISK_SER, NONE, ...), not '" + name + "'", unknown);
        }
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public PartitionedBook book(Path file, PositionPricer pricer) throws BookFormatException {
        String name = file.toString();
        String uri = file.toUri().toString();
        return name.endsWith(".parquet") ? parquet(name, uri, pricer) : csv(name, uri, pricer);
    }

    /** A CSV book: its lines numbered as in the file, parsed in parts by core's CSV reader. */
    private PartitionedBook csv(String name, String uri, PositionPricer pricer) throws BookFormatException {
        JavaPairRDD<String, Long> lines = context.textFile(uri).zipWithIndex();
        List<Tuple2<String, Long>> start = lines.filter(line -> !line._1().isEmpty()).take(2);
        List<String> header;
        try {
            header = BookCsv.header(name, new StringReader(String.join("\n", start.stream().map(Tuple2::_1).toList())));
        } catch (IOException impossible) {
            throw new IllegalStateException("a StringReader does not fail", impossible);
        }
        String headerLine = start.getFirst()._1();
        long headerIndex = start.getFirst()._2();
        JavaPairRDD<String, CsvFile.Record> records = lines
                .mapPartitionsToPair(part -> BookLines.byAccount(name, headerLine, headerIndex, header, part));
        return parts(name, header, records, lines.getNumPartitions(), pricer, RowProblem.Origin.CSV_LINE);
    }

    /**
     * A Parquet book (a file or a folder of them, its name ending in {@code .parquet}): the columns of the CSV
     * format, its rows numbered across the files in the order of their paths.
     */
    private PartitionedBook parquet(String name, String uri, PositionPricer pricer) throws BookFormatException {
        Dataset<Row> table;
        try {
            table = spark.read().parquet(uri);
        } catch (RuntimeException unreadable) {
            throw new BookFormatException("cannot read " + name + " as Parquet: " + firstLine(unreadable.getMessage()),
                    unreadable);
        }
        List<String> header = List.of(table.columns());
        BookCsv.requireColumns(name, header);
        Dataset<Row> located = table.select(functions.col("*"),
                functions.col("_metadata.file_path").as(ParquetRows.FILE),
                functions.col("_metadata.row_index").as(ParquetRows.INDEX));
        Map<String, Long> offsets = new TreeMap<>();
        located.groupBy(ParquetRows.FILE).count().collectAsList()
                .forEach(file -> offsets.put(file.getString(0), file.getLong(1)));
        long before = 0;
        for (Map.Entry<String, Long> file : offsets.entrySet()) {
            long rows = file.getValue();
            file.setValue(before);
            before += rows;
        }
        if (before == 0) {
            throw new BookFormatException(name + " has columns but no rows of positions or collateral");
        }
        Map<String, Long> firstRows = Map.copyOf(offsets);
        JavaRDD<Row> rows = located.javaRDD();
        JavaPairRDD<String, CsvFile.Record> records = rows
                .mapToPair(row -> ParquetRows.keyed(row, name, header, firstRows));
        return parts(name, header, records, rows.getNumPartitions(), pricer, RowProblem.Origin.PARQUET_ROW);
    }

    /**
     * The records gathered by account, the accounts in the order of their first record, each part read by core and
     * kept on its executor; the rows' problems collected.
     */
    private PartitionedBook parts(String name, List<String> header, JavaPairRDD<String, CsvFile.Record> records,
                                  int splits, PositionPricer pricer, RowProblem.Origin origin) {
        int parts = partitions > 0 ? partitions : Math.max(splits, context.defaultParallelism());
        JavaPairRDD<Integer, List<CsvFile.Record>> accounts = records
                .groupByKey(parts)
                .mapToPair(account -> BookLines.ordered(account._2()))
                .sortByKey(true, parts);
        int count = accounts.getNumPartitions();
        JavaRDD<BookPart> book = accounts
                .mapPartitionsWithIndex((index, part) -> List.of(BookPart.read(index, count, name, header, part,
                        pricer, origin)).iterator(), true)
                .persist(storage);
        cached.add(book);
        List<BookPart.Rows> checked = collect(() -> book.map(BookPart::rows).collect());
        return new Parts(spark, book, checked);
    }

    /** A book in parts: its rows' problems, gathered once, and the statements' jobs over the cached parts. */
    private static final class Parts implements PartitionedBook {
        private final SparkSession spark;
        private final JavaRDD<BookPart> book;
        private final List<RowProblem> problems = new ArrayList<>();
        private final List<RowProblem> warnings = new ArrayList<>();

        Parts(SparkSession spark, JavaRDD<BookPart> book, List<BookPart.Rows> checked) {
            this.spark = spark;
            this.book = book;
            checked.forEach(part -> {
                problems.addAll(part.problems());
                warnings.addAll(part.warnings());
            });
            problems.sort(Comparator.comparingInt(RowProblem::rowNumber));
            warnings.sort(Comparator.comparingInt(RowProblem::rowNumber));
        }

        @Override
        public List<RowProblem> problems() {
            return List.copyOf(problems);
        }

        @Override
        public List<RowProblem> warnings() {
            return List.copyOf(warnings);
        }

        @Override
        public Book whole() {
            List<Account> accounts = new ArrayList<>();
            collect(() -> book.map(BookPart::book).collect()).forEach(part -> accounts.addAll(part.accounts()));
            return new Book(accounts);
        }

        @Override
        public Table rows(BookTask task) {
            requireSerialisable(task);
            List<TableBlock> blocks = collect(() -> book.map(part -> part.rows(task)).collect());
            return TableBlock.concatenate(blocks);
        }

        @Override
        public long exportCsv(BookTask task, Path target) throws IOException {
            requireSerialisable(task);
            Path folder = CsvExport.partsFolder(target);
            try {
                String where = folder.toString();
                List<BookPart.Exported> parts = collect(() -> book.map(part -> part.exportCsv(task, where)).collect());
                CsvExport.commit(target, parts.getFirst().header(),
                        parts.stream().map(part -> Path.of(part.fragment())).toList());
                return parts.stream().mapToLong(BookPart.Exported::rows).sum();
            } finally {
                CsvExport.deleteFolder(folder);
            }
        }

        /**
         * Each part's rows computed once and kept where the part is: the first part's give the columns, then Spark's
         * writer writes each part's rows as the data set's file of that part's index.
         */
        @Override
        public long exportParquet(BookTask task, Path target) throws IOException {
            requireSerialisable(task);
            JavaRDD<TableBlock> blocks = book.map(part -> part.rows(task)).persist(StorageLevel.MEMORY_AND_DISK());
            try {
                StructType schema = collect(blocks::first).schema();
                Dataset<Row> rows = spark.createDataFrame(blocks.flatMap(TableBlock::rows), schema);
                collect(() -> {
                    try {
                        ParquetExport.write(rows, target);
                        return null;
                    } catch (IOException failed) {
                        throw new UncheckedIOException(failed);
                    }
                });
                return collect(() -> blocks.map(TableBlock::rowCount).collect()).stream().mapToLong(n -> n).sum();
            } catch (UncheckedIOException failed) {
                throw failed.getCause();
            } finally {
                blocks.unpersist();
            }
        }
    }

    @Override
    public long exportParquet(Table table, Path target) throws IOException {
        TableBlock block = TableBlock.of(table);
        List<Row> rows = new ArrayList<>();
        block.rows().forEachRemaining(rows::add);
        ParquetExport.write(spark.createDataFrame(rows, block.schema()).coalesce(1), target);
        return rows.size();
    }

    @Override
    public <T extends Serializable, R extends Serializable> List<R> map(List<T> items, ItemTask<T, R> task) {
        requireSerialisable(task);
        items.forEach(SparkEngine::requireSerialisable);
        int count = items.size();
        JavaRDD<T> parts = context.parallelize(items, Math.max(1, count));
        return collect(() -> parts.mapPartitionsWithIndex((index, part) -> {
            List<R> results = new ArrayList<>();
            while (part.hasNext()) {
                try {
                    results.add(task.apply(part.next()));
                } catch (RuntimeException failed) {
                    throw new TaskFailure(index, count, null, null, failed instanceof IllegalArgumentException,
                            failed.getMessage());
                }
            }
            return results.iterator();
        }, true).collect());
    }

    /** A task that cannot be serialised (a custom rule's compiled formulas) is one to run in the driver. */
    private static void requireSerialisable(Object task) {
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(task);
        } catch (NotSerializableException local) {
            throw new NotDistributable("it holds a value Spark cannot send to its executors (" + local.getMessage()
                    + "): a custom rule's formulas and a model's prices (priced_by) stay in the driver");
        } catch (IOException impossible) {
            throw new IllegalStateException("writing to no output does not fail", impossible);
        }
    }

    private static final Pattern FAILED_TASK = Pattern.compile("Task (\\d+) in stage");

    /**
     * Runs a job; a part that failed comes back as the {@link TaskFailure} it threw (Spark keeps the exception as the
     * cause), any other failure of a task (an executor lost, out of memory) as one naming the task Spark reports.
     */
    private static <T> T collect(java.util.function.Supplier<T> job) {
        try {
            return job.get();
        } catch (Exception failed) {
            for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
                if (cause instanceof TaskFailure partFailed) {
                    throw partFailed;
                }
            }
            if (failed instanceof RuntimeException bug && !(failed instanceof org.apache.spark.SparkException)) {
                throw bug;
            }
            Matcher task = FAILED_TASK.matcher(String.valueOf(failed.getMessage()));
            throw new TaskFailure(task.find() ? Integer.parseInt(task.group(1)) : -1, -1, null, null, false,
                    firstLine(failed.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "the Spark job failed";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    @Override
    public void close() {
        cached.forEach(JavaRDD::unpersist);
        cached.clear();
        if (ownsSession) {
            spark.stop();
        }
    }
}

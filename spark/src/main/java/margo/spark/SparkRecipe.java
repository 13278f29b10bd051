package margo.spark;

import java.util.ArrayList;
import java.util.List;
import margo.dsl.cli.Main;

/**
 * The entry point for spark-submit: {@code spark-submit --class margo.spark.SparkRecipe margo-spark.jar RECIPE
 * [OPTIONS]} runs {@code margo run RECIPE --engine spark [OPTIONS]} on the cluster spark-submit names (its
 * {@code --master}), with the options of {@code margo run} ({@code --format}, {@code --out}, ...).
 */
public final class SparkRecipe {

    private SparkRecipe() {
    }

    public static void main(String[] args) {
        List<String> command = new ArrayList<>(List.of("run"));
        command.addAll(List.of(args));
        if (!command.contains("--engine")) {
            command.addAll(List.of("--engine", "spark"));
        }
        System.exit(Main.execute(command.toArray(String[]::new), System.out, System.err));
    }
}

# R's cube method (sampling::samplecube, Deville and Tillé 2004; landing by linear programming, method = 1) on the populations CubeComparison writes:
# the same inclusion probabilities, balanced on the same categories (the design's expected count of each).
#   Rscript benchmarks/r/samplecube.R benchmarks/target/cube-comparison [DRAWS]
suppressMessages(library(sampling))
args <- commandArgs(trailingOnly = TRUE)
directory <- if (length(args) > 0) args[1] else "benchmarks/target/cube-comparison"
draws <- if (length(args) > 1) as.integer(args[2]) else 50
for (population in c(300, 1000, 100000)) {
  cases <- read.csv(file.path(directory, sprintf("population-%d.csv", population)), stringsAsFactors = FALSE)
  pik <- cases$pik
  # One column per category: pik x indicator, so that the Horvitz-Thompson balance holds each category's count at its quota.
  x <- matrix(pik, ncol = 1)
  for (classification in setdiff(names(cases), "pik")) {
    for (category in unique(cases[[classification]])) {
      x <- cbind(x, pik * (cases[[classification]] == category))
    }
  }
  quotas <- colSums(x)
  n <- if (population >= 100000) 1 else draws  # one draw at 100,000 cases: R's flight phase is slow there
  worst <- 0
  outside <- 0
  elapsed <- system.time(for (d in 1:n) {
    set.seed(d)
    s <- samplecube(x, pik, order = 1, comment = FALSE, method = 1)
    miss <- max(abs(colSums(x[s == 1, , drop = FALSE] / pik[s == 1]) - quotas))
    worst <- max(worst, miss)
    outside <- outside + (miss >= 1 - 1e-9)
  })[["elapsed"]]
  cat(sprintf("samplecube N=%d n=%.0f draws=%d: largest distance from a quota %.2f cases, %d draws at 1 or more, %.1f ms per draw\n",
              population, sum(pik), n, worst, outside, 1000 * elapsed / n))
}

pragma circom 2.1.0;

// Margo's proof of margin (docs/zk-margin.md): an account whose sizes are committed by a Poseidon hash proves that
// its equity covers its initial (or maintenance) margin under Deribit-style standard or portfolio margin, at the
// per-instrument vectors a venue publishes, without showing the sizes.
//
// Every number is an integer in fixed point (docs/zk-margin.md, "Scaling"): sizes carry 4 decimals, per-unit values
// 12, so a size times a per-unit value carries 16; the quadratic futures coefficient carries 20 (a size squared times
// it, 28); fractions carry 6. The statement is compared at 28 decimals. The bounds of the range checks below are
// those of docs/zk-margin.md: they rule out field wrap-around, and an account beyond them cannot prove.
//
// Every maximum (the worst scenario, an absolute value, the delta beyond its threshold, the split of a size into its
// long and short part) is a witness the circuit only bounds from below: a prover may overstate a margin, never
// understate it, so equity >= the bound implies equity >= the margin.

include "circomlib/circuits/poseidon.circom";
include "circomlib/circuits/bitify.circom";

// in is in [0, 2^bits): an integer that is not the field's wrap-around of a negative one, for bits well below 253.
template NonNegative(bits) {
    signal input in;
    component binary = Num2Bits(bits);
    binary.in <== in;
}

// Poseidon over n field elements, 16 at first, then the running hash and 15 more at a time.
template ChainedPoseidon(n) {
    signal input in[n];
    signal output out;
    var first = n < 16 ? n : 16;
    var rounds = 1 + (n - first + 14) \ 15;
    component hash[rounds];
    hash[0] = Poseidon(first);
    for (var i = 0; i < first; i++) {
        hash[0].inputs[i] <== in[i];
    }
    var next = first;
    for (var r = 1; r < rounds; r++) {
        var take = n - next < 15 ? n - next : 15;
        hash[r] = Poseidon(take + 1);
        hash[r].inputs[0] <== hash[r - 1].out;
        for (var i = 0; i < take; i++) {
            hash[r].inputs[i + 1] <== in[next + i];
        }
        next += take;
    }
    out <== hash[rounds - 1].out;
}

// n instruments, s scenarios.
template MarginProof(n, s) {
    // ---- public: the venue's per-instrument vectors (values per unit of the instrument, 12 decimals, |v| < 2^70)
    signal input mark[n];          // the mark value, signed (an inverse future's is -1/F per USD)
    signal input pnl[n][s];        // the P&L in each portfolio-margin scenario, signed
    signal input initialLong[n];   // standard IM per unit held long, >= 0
    signal input initialShort[n];  // standard IM per unit held short, >= 0
    signal input maintenanceLong[n];
    signal input maintenanceShort[n];
    signal input quadratic[n];     // the futures IM/MM size term per unit squared, >= 0, 20 decimals, < 2^72
    signal input roll[n];          // the roll-shock charge per unit held either way, >= 0
    signal input delta[n];         // the delta per unit for the delta shock, signed
    // ---- public: the rule
    signal input portfolio;        // 0 standard margin, 1 portfolio margin
    signal input maintenance;      // 0 proves equity >= IM (haircut equity), 1 equity >= MM
    signal input mmFactor;         // portfolio MM over IM, 6 decimals
    signal input deltaShock;       // the delta-shock fraction, 6 decimals
    signal input deltaThreshold;   // the delta before the shock applies, 16 decimals, < 2^88
    // ---- private: the account
    signal input size[n];          // signed, 4 decimals
    signal input cashInitial;      // equity apart from sizes x marks, haircut collateral (IM side), 16 decimals
    signal input cashMaintenance;  // the same without haircuts (MM side)
    signal input salt;
    // ---- private: witnesses of the maxima
    signal input long[n];
    signal input short[n];
    signal input worst;
    signal input deltaExcess;

    signal output commitment;

    portfolio * (portfolio - 1) === 0;
    maintenance * (maintenance - 1) === 0;

    // Sizes: |size| < 2^44 (1.7e9 units at 4 decimals); long and short bound max(size, 0) and max(-size, 0).
    component longBits[n];
    component shortBits[n];
    for (var i = 0; i < n; i++) {
        longBits[i] = NonNegative(44);
        longBits[i].in <== long[i];
        shortBits[i] = NonNegative(44);
        shortBits[i].in <== short[i];
        size[i] === long[i] - short[i];
    }
    // Cash in (-2^96, 2^96) at 16 decimals.
    component cashBits[2];
    cashBits[0] = NonNegative(97);
    cashBits[0].in <== cashInitial + (1 << 96);
    cashBits[1] = NonNegative(97);
    cashBits[1].in <== cashMaintenance + (1 << 96);

    component commit = ChainedPoseidon(n + 3);
    for (var i = 0; i < n; i++) {
        commit.in[i] <== size[i];
    }
    commit.in[n] <== cashInitial;
    commit.in[n + 1] <== cashMaintenance;
    commit.in[n + 2] <== salt;
    commitment <== commit.out;

    // Equity and standard margin (16 decimals; the size term 28).
    signal markTerm[n];
    signal initialLongTerm[n];
    signal initialShortTerm[n];
    signal maintenanceLongTerm[n];
    signal maintenanceShortTerm[n];
    signal squared[n];
    signal sizeTerm[n];
    signal rollTerm[n];
    signal deltaTerm[n];
    var positionsValue = 0;
    var initialLinear = 0;
    var maintenanceLinear = 0;
    var sizeSquared = 0;
    var rollCharge = 0;
    var netDelta = 0;
    for (var i = 0; i < n; i++) {
        markTerm[i] <== size[i] * mark[i];
        initialLongTerm[i] <== long[i] * initialLong[i];
        initialShortTerm[i] <== short[i] * initialShort[i];
        maintenanceLongTerm[i] <== long[i] * maintenanceLong[i];
        maintenanceShortTerm[i] <== short[i] * maintenanceShort[i];
        squared[i] <== size[i] * size[i];
        sizeTerm[i] <== squared[i] * quadratic[i];
        rollTerm[i] <== (long[i] + short[i]) * roll[i];
        deltaTerm[i] <== size[i] * delta[i];
        positionsValue += markTerm[i];
        initialLinear += initialLongTerm[i] + initialShortTerm[i];
        maintenanceLinear += maintenanceLongTerm[i] + maintenanceShortTerm[i];
        sizeSquared += sizeTerm[i];
        rollCharge += rollTerm[i];
        netDelta += deltaTerm[i];
    }
    var e12 = 1000000000000;
    var e6 = 1000000;
    signal standardInitial <== initialLinear * e12 + sizeSquared;
    signal standardMaintenance <== maintenanceLinear * e12 + sizeSquared;

    // Portfolio margin (16 decimals): worst >= every scenario's loss and >= 0, |delta| beyond the threshold, so that
    // the P&L spread across scenarios must stay below 2^89 (6.2e10 units).
    signal scenarioPnl[s][n];
    component covers[s];
    for (var k = 0; k < s; k++) {
        var total = 0;
        for (var i = 0; i < n; i++) {
            scenarioPnl[k][i] <== size[i] * pnl[i][k];
            total += scenarioPnl[k][i];
        }
        covers[k] = NonNegative(90);
        covers[k].in <== worst + total;
    }
    component worstBits = NonNegative(88);
    worstBits.in <== worst;
    component excessBits[3];
    excessBits[0] = NonNegative(88);
    excessBits[0].in <== deltaExcess;
    excessBits[1] = NonNegative(90);
    excessBits[1].in <== deltaExcess - netDelta + deltaThreshold;
    excessBits[2] = NonNegative(90);
    excessBits[2].in <== deltaExcess + netDelta + deltaThreshold;
    signal deltaCharge <== deltaShock * deltaExcess;
    signal portfolioInitial <== ((worst + rollCharge) * e6 + deltaCharge) * e6;
    signal portfolioMaintenance <== ((worst + rollCharge) * e6 + deltaCharge) * mmFactor;

    // The statement, at 28 decimals.
    signal standardMargin <== standardInitial + maintenance * (standardMaintenance - standardInitial);
    signal portfolioMargin <== portfolioInitial + maintenance * (portfolioMaintenance - portfolioInitial);
    signal margin <== standardMargin + portfolio * (portfolioMargin - standardMargin);
    signal equity <== (cashInitial + positionsValue + maintenance * (cashMaintenance - cashInitial)) * e12;
    component covered = NonNegative(170);
    covered.in <== equity - margin;
}

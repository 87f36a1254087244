namespace Paperboy.Ingest.Synthetic;

/// <summary>The fixed word lists the synthetic vocabulary starts from; the rest of it is made up.</summary>
internal static class SyntheticWords
{
    /// <summary>Function words in roughly the order of their frequency in arXiv abstracts; they take the top ranks.</summary>
    public static readonly string[] Function =
    [
        "the", "of", "and", "a", "to", "in", "we", "is", "for", "that", "this", "with", "on", "by", "are",
        "as", "an", "be", "from", "which", "our", "these", "can", "it", "at", "or", "its", "using", "not",
        "has", "been", "have", "also", "such", "between", "than", "two", "their", "both", "more", "into",
        "only", "under", "when", "while", "however", "each", "where", "one", "over", "through", "how",
        "other", "further", "then", "all", "here", "them", "may", "most", "they", "within", "without",
        "three", "well", "thus", "there", "some", "new", "first", "based", "show", "via", "any", "even",
    ];

    /// <summary>
    /// English stop words (the Snowball list, which Paperboy's analyzer drops) that a made-up word must
    /// not happen to spell, or a query term would vanish on one engine and not the other.
    /// </summary>
    public static readonly string[] Reserved =
    [
        "i", "me", "my", "myself", "ours", "ourselves", "you", "your", "yours", "yourself", "he", "him",
        "his", "himself", "she", "her", "hers", "herself", "itself", "theirs", "themselves", "what", "who",
        "whom", "those", "am", "was", "were", "being", "had", "having", "do", "does", "did", "doing",
        "would", "should", "could", "ought", "cannot", "but", "if", "because", "until", "of", "about",
        "against", "during", "before", "after", "above", "below", "up", "down", "out", "off", "again",
        "once", "there", "why", "few", "no", "nor", "own", "same", "so", "too", "very", "and", "or", "not",
        "near",
    ];

    /// <summary>Words of scientific prose, spread through the upper and middle ranks between made-up words.</summary>
    public static readonly string[] Scientific =
    [
        "model", "results", "method", "data", "approach", "problem", "performance", "paper", "study",
        "propose", "present", "analysis", "network", "learning", "system", "systems", "function", "time",
        "field", "state", "energy", "quantum", "theory", "algorithm", "information", "dynamics", "structure",
        "distribution", "large", "high", "low", "order", "number", "case", "framework", "training", "neural",
        "deep", "graph", "optimization", "estimation", "inference", "language", "image", "images", "models",
        "methods", "networks", "task", "tasks", "dataset", "datasets", "experiments", "accuracy", "robust",
        "efficient", "novel", "existing", "proposed", "demonstrate", "obtain", "derive", "prove", "observe",
        "observed", "measurement", "measurements", "spectrum", "spectral", "phase", "transition", "magnetic",
        "electron", "electronic", "spin", "lattice", "topological", "superconducting", "temperature",
        "density", "mass", "galaxy", "galaxies", "star", "stars", "stellar", "cosmic", "cosmological",
        "dark", "matter", "gravitational", "black", "hole", "holes", "waves", "wave", "particle", "particles",
        "scattering", "collision", "decay", "boson", "quark", "gauge", "symmetry", "symmetric", "space",
        "spaces", "group", "groups", "algebra", "algebras", "manifold", "manifolds", "operator", "operators",
        "equation", "equations", "solution", "solutions", "boundary", "nonlinear", "linear", "stochastic",
        "random", "probability", "bayesian", "statistical", "regression", "classification", "clustering",
        "detection", "segmentation", "recognition", "generation", "generative", "adversarial", "attention",
        "transformer", "transformers", "embedding", "embeddings", "representation", "representations",
        "supervised", "unsupervised", "reinforcement", "policy", "agent", "agents", "reward", "gradient",
        "descent", "convergence", "convex", "bound", "bounds", "complexity", "computational", "efficient",
        "scalable", "parallel", "distributed", "memory", "hardware", "architecture", "architectures",
        "layer", "layers", "convolutional", "recurrent", "sequence", "sequences", "token", "tokens", "text",
        "speech", "audio", "video", "visual", "semantic", "knowledge", "reasoning", "question", "answering",
        "translation", "summarization", "retrieval", "search", "ranking", "recommendation", "user", "users",
        "privacy", "security", "attack", "attacks", "defense", "federated", "communication", "channel",
        "wireless", "signal", "signals", "noise", "error", "errors", "correction", "coding", "code", "codes",
        "circuit", "circuits", "qubit", "qubits", "entanglement", "photon", "photons", "optical", "laser",
        "cavity", "coupling", "interaction", "interactions", "simulation", "simulations", "numerical",
        "experimental", "theoretical", "analytical", "approximation", "approximate", "exact", "finite",
        "infinite", "dimensional", "local", "global", "regime", "limit", "scale", "scales", "scaling",
        "law", "laws", "flow", "flows", "fluid", "turbulence", "turbulent", "velocity", "pressure",
        "material", "materials", "crystal", "surface", "interface", "thin", "film", "films", "strain",
        "stress", "thermal", "transport", "conductivity", "resistance", "current", "voltage", "control",
        "controller", "robot", "robots", "robotic", "planning", "trajectory", "navigation", "sensor",
        "sensors", "fusion", "tracking", "localization", "mapping", "point", "points", "cloud", "clouds",
        "shape", "object", "objects", "scene", "scenes", "pose", "depth", "medical", "clinical", "patient",
        "patients", "disease", "brain", "cell", "cells", "protein", "proteins", "gene", "genes", "molecular",
        "chemical", "reaction", "population", "epidemic", "market", "markets", "financial", "price",
        "economic", "causal", "treatment", "effect", "effects", "variable", "variables", "sample", "samples",
        "sampling", "prior", "posterior", "likelihood", "kernel", "kernels", "sparse", "matrix", "matrices",
        "tensor", "vector", "vectors", "eigenvalue", "eigenvalues", "polynomial", "polynomials", "prime",
        "primes", "integer", "integers", "curve", "curves", "surfaces", "geometry", "geometric", "metric",
        "metrics", "measure", "measures", "invariant", "invariants", "conjecture", "theorem", "lemma",
        "proof", "category", "functor", "homology", "cohomology", "moduli", "stack", "stacks", "variety",
        "varieties", "hamiltonian", "lagrangian", "entropy", "thermodynamic", "equilibrium", "critical",
        "universality", "percolation", "diffusion", "brownian", "markov", "chain", "chains", "process",
        "processes", "queue", "game", "games", "equilibria", "mechanism", "auction", "fairness", "bias",
        "uncertainty", "calibration", "benchmark", "benchmarks", "evaluation", "baseline", "baselines",
        "pretrained", "fine", "tuning", "prompt", "prompts", "instruction", "alignment", "feedback",
        "human", "humans", "zero", "shot", "few", "transfer", "domain", "domains", "adaptation", "shift",
        "contrastive", "self", "loss", "objective", "regularization", "dropout", "pruning", "quantization",
        "compression", "distillation", "inference", "latency", "throughput", "energy", "consumption",
        "emission", "absorption", "spectroscopy", "telescope", "survey", "redshift", "supernova", "pulsar",
        "neutron", "neutrino", "neutrinos", "higgs", "collider", "detector", "calorimeter", "jet", "jets",
        "plasma", "magnetohydrodynamic", "accretion", "disk", "disks", "planet", "planets", "exoplanet",
        "atmosphere", "solar", "climate", "weather", "forecast", "forecasting", "series", "temporal",
        "spatial", "spatiotemporal", "anomaly", "anomalies", "outlier", "robustness", "generalization",
        "overfitting", "capacity", "expressive", "expressivity", "interpretability", "explainable",
    ];

    /// <summary>Recurring phrases of real abstracts; more are made up from the vocabulary.</summary>
    public static readonly string[] Phrases =
    [
        "neural network", "deep learning", "machine learning", "reinforcement learning", "language model",
        "large language model", "graph neural network", "gradient descent", "dark matter", "black hole",
        "phase transition", "ground state", "magnetic field", "quantum computing", "state of the art",
        "monte carlo", "time series", "point cloud", "attention mechanism", "self supervised learning",
        "transfer learning", "domain adaptation", "few shot learning", "zero shot", "image segmentation",
        "object detection", "speech recognition", "question answering", "knowledge graph",
        "generative adversarial network", "diffusion model", "markov chain", "boundary conditions",
        "gravitational waves", "star formation", "cosmic microwave background", "standard model",
        "federated learning", "differential privacy", "adversarial attacks", "error correction",
        "thin film", "topological insulator", "spin orbit coupling", "heavy ion collisions",
    ];

    /// <summary>Given names for the author pool.</summary>
    public static readonly string[] GivenNames =
    [
        "Wei", "Jing", "Li", "Yang", "Hao", "Xin", "Yu", "Min", "Jun", "Lei", "Anna", "Maria", "Elena", "Sofia",
        "Laura", "Julia", "Sarah", "Emily", "Hannah", "Olga", "Irina", "Natalia", "Priya", "Ananya", "Aisha",
        "Fatima", "Yuki", "Haruto", "Sakura", "Kenji", "Takashi", "Hiroshi", "Ji-woo", "Min-jun", "Seo-yeon",
        "John", "David", "Michael", "James", "Robert", "Daniel", "Thomas", "Paul", "Mark", "Peter", "Andrew",
        "Alexander", "Sergey", "Dmitry", "Andrei", "Ivan", "Nikolai", "Pierre", "Jean", "Louis", "Antoine",
        "Marco", "Luca", "Giovanni", "Francesco", "Matteo", "Carlos", "Javier", "Miguel", "Pablo", "Diego",
        "Hans", "Stefan", "Jonas", "Lukas", "Felix", "Erik", "Lars", "Anders", "Mehmet", "Ahmed", "Omar",
        "Ali", "Reza", "Arjun", "Rahul", "Vikram", "Rohan", "Kwame", "Chidi", "Tomasz", "Piotr", "Jakub",
    ];

    /// <summary>Categories with their rough share of arXiv submissions (per mille, early 2020s).</summary>
    public static readonly (string Category, int Weight)[] Categories =
    [
        ("cs.LG", 120), ("cs.CV", 100), ("cs.CL", 70), ("cs.AI", 50), ("stat.ML", 40), ("quant-ph", 60),
        ("hep-ph", 40), ("hep-th", 40), ("hep-ex", 10), ("gr-qc", 30), ("astro-ph.GA", 30),
        ("astro-ph.CO", 20), ("astro-ph.SR", 20), ("astro-ph.HE", 20), ("astro-ph.EP", 10),
        ("cond-mat.mes-hall", 30), ("cond-mat.mtrl-sci", 30), ("cond-mat.str-el", 20),
        ("cond-mat.stat-mech", 20), ("cond-mat.soft", 10), ("cond-mat.supr-con", 10), ("math.CO", 20),
        ("math.PR", 20), ("math.AP", 20), ("math.OC", 20), ("math.NT", 10), ("math.AG", 10), ("math.NA", 15),
        ("math.DG", 10), ("physics.optics", 20), ("physics.flu-dyn", 10), ("physics.comp-ph", 10),
        ("eess.SP", 20), ("eess.IV", 15), ("eess.SY", 15), ("cs.RO", 25), ("cs.CR", 20), ("cs.DS", 10),
        ("cs.IT", 15), ("cs.NE", 10), ("cs.IR", 10), ("cs.SE", 10), ("cs.DC", 10), ("q-bio.NC", 10),
        ("econ.EM", 5), ("q-fin.ST", 5), ("nucl-th", 10), ("stat.ME", 20),
    ];

    public static readonly string[] Licenses =
    [
        "http://arxiv.org/licenses/nonexclusive-distrib/1.0/",
        "http://creativecommons.org/licenses/by/4.0/",
        "http://creativecommons.org/licenses/by-nc-sa/4.0/",
    ];

    // Syllables for made-up words that read like words: onset + vowel + coda.
    public static readonly string[] Onsets =
    [
        "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "cr", "dr", "fl",
        "gr", "pl", "pr", "st", "tr", "th", "ch", "sh", "",
    ];

    public static readonly string[] Vowels = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ea", "io", "ou"];

    public static readonly string[] Codas = ["", "", "", "", "", "n", "r", "s", "l", "m", "x", "st", "nd", "rt", "ct"];

    public static readonly string[] Suffixes = ["ation", "ic", "ous", "al", "ity", "ism", "ive", "ment", "on", "ide", "ite", "ene"];
}

"""XGBoost on the bench matrices written by `BlindSpot.Bench scoring-data ... NPY_FOLDER`, for bench/scoring.sh.

fit NPY_FOLDER MODEL TREES LEAVES   trains on train_x.npy / train_y.npy (tree_method=hist, 2 threads, max_leaves=LEAVES)
predict ALL_NPY MODEL                predicts every row of ALL_NPY (memory-mapped, in place) with 2 threads
"""
import sys
import time

import numpy as np
import xgboost as xgb


def fit(folder, model, trees, leaves):
    x = np.load(f"{folder}/train_x.npy")
    y = np.load(f"{folder}/train_y.npy")
    started = time.perf_counter()
    booster = xgb.train(
        {"objective": "binary:logistic", "tree_method": "hist", "nthread": 2, "max_depth": 0, "grow_policy": "lossguide",
         "max_leaves": int(leaves), "eta": 0.1, "seed": 20260101},
        xgb.DMatrix(x, label=y, nthread=2), num_boost_round=int(trees))
    print(f"xgboost fit {x.shape[0]:,} x {x.shape[1]} in {time.perf_counter() - started:.1f} s")
    booster.save_model(model)


def predict(path, model):
    x = np.load(path, mmap_mode="r")
    booster = xgb.Booster(model_file=model)
    booster.set_param({"nthread": 2})
    started = time.perf_counter()
    total = 0
    for start in range(0, x.shape[0], 1_000_000):
        total += booster.inplace_predict(np.ascontiguousarray(x[start:start + 1_000_000])).shape[0]
    print(f"xgboost predicted {total:,} rows in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    {"fit": lambda: fit(*sys.argv[2:6]), "predict": lambda: predict(*sys.argv[2:4])}[sys.argv[1]]()

"""Open the crmlake serving catalog from a notebook.

    import crmlake_nb
    lake = crmlake_nb.connect()            # or connect("/path/to/crmlake.duckdb")
    df = lake.sql("SELECT * FROM mart_customer_value LIMIT 10")   # a pandas DataFrame
    lake.tables()                           # published tables with their Delta versions

The catalog is the DuckDB file `crmlake publish` writes (default work/lake/serving/crmlake.duckdb,
or $CRMLAKE_CATALOG). It is opened read-only, so a notebook never blocks a publish, and a new
connect() sees the newest publish.

Two ways in, the first that works:
  1. the `duckdb` Python package, when the user has it (pip install duckdb);
  2. the DuckDB JDBC driver (the same jar the service uses) through JPype, which Debian packages
     (apt install python3-jpype). The jar is $CRMLAKE_DUCKDB_JAR, or the one Maven put in
     notebooks/target/lib or ~/.m2.
"""
import glob
import os
import pathlib

import pandas as pd

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_CATALOG = ROOT / "work" / "lake" / "serving" / "crmlake.duckdb"


def connect(catalog=None):
    path = pathlib.Path(catalog or os.environ.get("CRMLAKE_CATALOG") or DEFAULT_CATALOG).resolve()
    if not path.exists():
        raise FileNotFoundError(f"no catalog at {path}; run `./crmlake run` (or `./crmlake demo`) first, "
                                "or set CRMLAKE_CATALOG to a published crmlake.duckdb")
    try:
        import duckdb  # noqa: F401  (optional)
        return _DuckDbPython(path)
    except ImportError:
        return _DuckDbJdbc(path)


class _Catalog:
    @property
    def location(self):
        """The catalog file, relative to the project when it lies inside it (for printing)."""
        try:
            return str(self.path.relative_to(ROOT))
        except ValueError:
            return str(self.path)

    def tables(self):
        return self.sql("SELECT table_name, layer, delta_version, row_count, storage, published_at "
                        "FROM crmlake_publish ORDER BY layer, table_name")

    def columns(self, table):
        return self.sql("SELECT column_name, data_type, comment FROM duckdb_columns() "
                        f"WHERE table_name = '{_identifier(table)}' ORDER BY column_index")


class _DuckDbPython(_Catalog):
    def __init__(self, path):
        import duckdb
        self.path = path
        self._con = duckdb.connect(str(path), read_only=True)

    def sql(self, query):
        return self._con.execute(query).fetchdf()

    def close(self):
        self._con.close()


class _DuckDbJdbc(_Catalog):
    def __init__(self, path):
        import jpype
        if not jpype.isJVMStarted():
            # Debian ships JPype's own support jar in /usr/share/java rather than beside the
            # module, where JPype looks for it; put it on the class path when it is there.
            support = [j for j in ("/usr/share/java/org.jpype.jar",) if os.path.exists(j)]
            jpype.startJVM(classpath=support + [_duckdb_jar()], convertStrings=True)
        props = jpype.JClass("java.util.Properties")()
        props.setProperty("duckdb.read_only", "true")
        # One DuckDB instance per connect(): the driver's instance cache would otherwise hand back
        # the file that was current before a publish renamed a new one over it.
        props.setProperty("jdbc_instance_cache", "false")
        self.path = path
        self._con = jpype.JClass("java.sql.DriverManager").getConnection(f"jdbc:duckdb:{path}", props)

    def sql(self, query):
        statement = self._con.createStatement()
        try:
            rs = statement.executeQuery(query)
            meta = rs.getMetaData()
            names = [str(meta.getColumnLabel(i + 1)) for i in range(meta.getColumnCount())]
            rows = []
            while rs.next():
                rows.append([_python(rs.getObject(i + 1)) for i in range(len(names))])
            return pd.DataFrame(rows, columns=names)
        finally:
            statement.close()

    def close(self):
        self._con.close()


def _python(value):
    """JDBC values as plain Python: numbers as float/int, booleans as bool, the rest as text."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value  # JPype already converted it (strings, with convertStrings=True)
    name = value.getClass().getName()
    if name in ("java.math.BigDecimal", "java.lang.Double", "java.lang.Float"):
        return float(value.doubleValue())
    if name in ("java.lang.Long", "java.lang.Integer", "java.lang.Short", "java.lang.Byte", "java.math.BigInteger"):
        return int(value.longValue())
    if name == "java.lang.Boolean":
        return bool(value.booleanValue())
    return str(value.toString())


def _duckdb_jar():
    configured = os.environ.get("CRMLAKE_DUCKDB_JAR")
    if configured:
        return configured
    candidates = sorted(glob.glob(str(HERE / "target" / "lib" / "duckdb_jdbc-*.jar")))
    candidates += sorted(glob.glob(os.path.expanduser("~/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar")))
    if not candidates:
        raise FileNotFoundError("no DuckDB JDBC jar: install the duckdb Python package, or run "
                                "`mvn -pl notebooks -am test-compile` to fetch the jar, or set CRMLAKE_DUCKDB_JAR")
    return candidates[0]


def _identifier(name):
    if not name.replace("_", "").isalnum():
        raise ValueError(f"not a table name: {name!r}")
    return name

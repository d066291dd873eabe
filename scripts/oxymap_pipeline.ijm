// OxyMap: the whole pipeline on one stack, as the macro recorder writes it (Plugins > OxyMap > OxyMap Run Pipeline).
// Runs in Fiji and in plain ImageJ 1.x with OxyMap_-<version>.jar in plugins/. Headless:
//   xvfb-run -a java -jar ij.jar -batch oxymap_pipeline.ijm "/data/sample/|/data/sample/results/"
// The input folder holds stack.tif and references/Mn2.csv, Mn3.csv, Mn4.csv (like test-images/primary in the
// OxyMap repository); the results folder must not exist yet. Without an argument it asks for the folder.
arg = getArgument();
if (arg == "") {
    dir = getDirectory("Folder with stack.tif and references/");
    out = dir + "results";
} else {
    parts = split(arg, "|");
    dir = parts[0];
    out = parts[1];
}
if (!endsWith(dir, "/") && !endsWith(dir, File.separator)) dir = dir + File.separator;
run("OxyMap Run Pipeline", "stack=[" + dir + "stack.tif] energies=[] references=[" + dir + "references/Mn2.csv," + dir + "references/Mn3.csv," + dir + "references/Mn4.csv] out=[" + out + "] time_s=1000000 section_nm=80 bin_nm=0 background=constant threshold=noise min_area_nm2=2000 fill_holes watershed watershed_h_nm=0 max_area_nm2=0 min_solidity=0.9 min_circularity=0.7 exclude_touching touching_counts_as_edge subpixel_edge normalised_bin=0.05 sectors=0 probe_fwhm_nm=0 deconvolve_probe particles=[]");
print("OxyMap pipeline: results in " + out);

// OxyMap step by step: every line as the macro recorder writes it for Plugins > OxyMap > ... .
// Runs in Fiji and in plain ImageJ 1.x with OxyMap_-<version>.jar in plugins/. Headless (ImageJ needs a display
// for its windows, so use a virtual one):
//   xvfb-run -a java -jar ij.jar -batch oxymap_steps.ijm "/data/sample/|/data/sample/steps/"
// The input folder holds stack.tif (energies in stack.energies.txt or the slice labels) and references/Mn2.csv,
// Mn3.csv, Mn4.csv, like test-images/primary in the OxyMap repository. Without an argument it asks for the folder.
arg = getArgument();
if (arg == "") {
    dir = getDirectory("Folder with stack.tif and references/");
    out = dir + "steps" + File.separator;
} else {
    parts = split(arg, "|");
    dir = parts[0];
    out = parts[1];
}
if (!endsWith(dir, "/") && !endsWith(dir, File.separator)) dir = dir + File.separator;
if (!endsWith(out, "/") && !endsWith(out, File.separator)) out = out + File.separator;
File.makeDirectory(out);
refs = dir + "references/Mn2.csv," + dir + "references/Mn3.csv," + dir + "references/Mn4.csv";
setBatchMode(true);

run("OxyMap Open Stack", "stack=[" + dir + "stack.tif] energies=[] pixel_nm=0 region=0 channel=0 quantity=intensity");
run("OxyMap Align Stack", "stack=stack.tif");
run("OxyMap Optical Density", "stack=aligned i0=auto i0_roi=[] i0_file=[]");
run("OxyMap Fit References", "stack=OD references=[" + refs + "] background=constant");
run("OxyMap Segment Particles", "thickness=thickness mask=mask empty=i0_region threshold=noise min_area_nm2=2000 fill_holes watershed watershed_h_nm=0 max_area_nm2=0 min_solidity=0.9 min_circularity=0.7 exclude_touching");
run("OxyMap Edge-Distance Profiles", "labels=labels fraction=fraction_Mn3 thickness=thickness bin_nm=0 section_nm=80 probe_fwhm_nm=0 min_area_nm2=2000 max_area_nm2=0 min_solidity=0.9 min_circularity=0.7 exclude_touching touching_counts_as_edge subpixel_edge normalised_bin=0.05 sectors=0");
run("OxyMap Fit Models", "labels=labels fraction=fraction_Mn3 thickness=thickness time_s=1000000 section_nm=80 bin_nm=0 probe_fwhm_nm=0 min_area_nm2=2000 max_area_nm2=0 min_solidity=0.9 min_circularity=0.7 exclude_touching touching_counts_as_edge subpixel_edge");

// Keep the results: the maps as TIFF (calibrated, LUT and overlay included), the tables as CSV.
maps = newArray("fraction_Mn2", "fraction_Mn3", "fraction_Mn4", "thickness", "valence", "residual", "mask",
    "i0_region", "labels", "distance");
for (i = 0; i < maps.length; i++) {
    selectImage(maps[i]);
    saveAs("Tiff", out + maps[i] + ".tif");
}
tables = newArray("OxyMap Shifts", "OxyMap I0", "OxyMap Fit", "OxyMap Profiles", "OxyMap Particles", "OxyMap Fits");
files = newArray("alignment.csv", "i0.csv", "fit.csv", "profiles.csv", "particles.csv", "fits.csv");
for (i = 0; i < tables.length; i++)
    Table.save(out + files[i], tables[i]);
print("OxyMap steps: results in " + out);
